import type { BrokerDetail, BrokerSummary, Freshness } from '@weir/server/api-types';
import { base, useClusterQuery, useConfigChange } from './cluster-cache.ts';

export type { BrokerSummary } from '@weir/server/api-types';

export const useBrokers = (clusterId: string) =>
  useClusterQuery<{ freshness: Freshness; brokers: BrokerSummary[] }>(
    ['cluster', clusterId, 'brokers'],
    `${base(clusterId)}/brokers`,
  );

export const useBroker = (clusterId: string, brokerId: number) =>
  useClusterQuery<BrokerDetail>(
    ['cluster', clusterId, 'broker', brokerId],
    `${base(clusterId)}/brokers/${brokerId}`,
  );

/** Config edits of one broker, or of the cluster-wide broker defaults (`'defaults'`). */
export const useBrokerConfigChange = (clusterId: string, broker: number | 'defaults') =>
  useConfigChange(
    clusterId,
    broker === 'defaults'
      ? {
          configsPath: `${base(clusterId)}/broker-defaults/configs`,
          previewPath: `${base(clusterId)}/broker-defaults/configs/preview`,
        }
      : {
          configsPath: `${base(clusterId)}/brokers/${broker}/configs`,
          previewPath: `${base(clusterId)}/brokers/${broker}/configs/preview`,
        },
  );
