import type { SystemTopicOwner } from '@weir/api';

/*
 * Well-known system topics by their default names. Kafka itself marks only its own as internal (the
 * Metadata is_internal flag); the others are ordinary topics that tools create, labelled so a person
 * can tell them apart. Sources: Kafka's Topic.java and GroupCoordinator/TransactionStateManager
 * (__consumer_offsets, __transaction_state), KIP-932 (__share_group_state), KRaft's __cluster_metadata,
 * KIP-405 (__remote_log_metadata); Connect's config/offset/status topic defaults in
 * connect-distributed.properties; MirrorMaker 2's MirrorClientConfig and DefaultReplicationPolicy
 * (heartbeats, <alias>.checkpoints.internal, mm2-offset-syncs.<alias>.internal, mm2-configs/offsets/status.<alias>.internal);
 * Schema Registry's kafkastore.topic default `_schemas`.
 */
const EXACT = new Map<string, SystemTopicOwner>([
  ['__consumer_offsets', 'kafka'],
  ['__transaction_state', 'kafka'],
  ['__share_group_state', 'kafka'],
  ['__cluster_metadata', 'kafka'],
  ['__remote_log_metadata', 'kafka'],
  ['connect-configs', 'connect'],
  ['connect-offsets', 'connect'],
  ['connect-status', 'connect'],
  ['heartbeats', 'mirrormaker2'],
  ['_schemas', 'schema-registry'],
]);
const PATTERNS: [RegExp, SystemTopicOwner][] = [
  [/^mm2-(configs|offsets|status|offset-syncs)\..+\.internal$/, 'mirrormaker2'],
  [/\.checkpoints\.internal$/, 'mirrormaker2'],
  [/\.heartbeats$/, 'mirrormaker2'],
];

/** The owner of a well-known system topic, or null for any other name. */
export function systemTopicOwner(name: string): SystemTopicOwner | null {
  return EXACT.get(name) ?? PATTERNS.find(([pattern]) => pattern.test(name))?.[1] ?? null;
}
