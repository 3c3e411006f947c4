import type { ApiVersionRange, KafkaGateway } from './gateway.ts';
import { type InferredVersion, inferKafkaVersion, type VersionEvidence } from './version-inference.ts';

/**
 * The cluster's Kafka release as narrow as the broker's own reports allow: ApiVersions first; where
 * that leaves a range, also its features (ApiVersions v3+) and broker `brokerId`'s
 * inter.broker.protocol.version (DescribeConfigs). A report that cannot be read is left out, which
 * only widens the answer; it never fails.
 */
export async function readKafkaVersion(
  gateway: KafkaGateway,
  apis: readonly ApiVersionRange[],
  brokerId: number | null,
): Promise<InferredVersion> {
  const fromApis = inferKafkaVersion(apis);
  if (fromApis.exact) return fromApis;
  const features = await gateway.features().catch(() => null);
  const evidence: VersionEvidence = {
    supportedFeatures: features?.supported,
    finalizedFeatures: features?.finalized,
  };
  const fromFeatures = inferKafkaVersion(apis, evidence);
  // Brokers that report metadata.version (3.3+) rarely need the config read, and 4.0 removed the setting.
  if (fromFeatures.exact || brokerId === null) return fromFeatures;
  evidence.interBrokerProtocol = await gateway
    .describeConfigs({ type: 'broker', name: String(brokerId) })
    .then((configs) => {
      const entry = configs.find((c) => c.name === 'inter.broker.protocol.version');
      return entry?.value ? { value: entry.value, isDefault: entry.source === 'default' } : null;
    })
    .catch(() => null);
  return inferKafkaVersion(apis, evidence);
}
