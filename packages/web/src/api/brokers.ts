import { useClusterQuery, useConfigChange } from './cluster-cache.ts';
import { weir } from './weir.ts';

export type { BrokerSummary } from '@weir/api/brokers';

export const useBrokers = (clusterId: string) =>
  useClusterQuery(['cluster', clusterId, 'brokers'], (query) => weir.brokers.list(clusterId, query));

export const useBroker = (clusterId: string, brokerId: number) =>
  useClusterQuery(['cluster', clusterId, 'broker', brokerId], (query) =>
    weir.brokers.get(clusterId, brokerId, query),
  );

/** Config edits of one broker, or of the cluster-wide broker defaults (`'defaults'`). */
export const useBrokerConfigChange = (clusterId: string, broker: number | 'defaults') =>
  useConfigChange(
    clusterId,
    broker === 'defaults' ? weir.brokers.defaultConfigs(clusterId) : weir.brokers.configs(clusterId, broker),
  );
