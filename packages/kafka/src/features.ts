import { type Admin, apiVersionsV3 } from '@platformatic/kafka';
import { type AnyApi, rawRequest } from './raw-call.ts';

/** A broker's feature flags (KIP-584): what its software supports and what the cluster has finalized. */
export interface BrokerFeatures {
  supported: { name: string; minVersion: number; maxVersion: number }[];
  finalized: { name: string; minVersionLevel: number; maxVersionLevel: number }[];
}

/**
 * Sends ApiVersions v3 to the bootstrap broker for the tagged fields SupportedFeatures (tag 0) and
 * FinalizedFeatures (tag 2), which the library's listApis drops. Brokers before 2.4 do not answer
 * v3 (the call fails); before 2.7 the lists are empty.
 */
export async function describeFeatures(admin: Admin): Promise<BrokerFeatures> {
  const answer = await rawRequest<{
    supportedFeatures: BrokerFeatures['supported'];
    finalizedFeatures: BrokerFeatures['finalized'];
  }>(admin, { custom: apiVersionsV3.api as unknown as AnyApi }, ['weir', '1.0.0']);
  return { supported: answer.supportedFeatures, finalized: answer.finalizedFeatures };
}
