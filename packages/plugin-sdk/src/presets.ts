/**
 * Topic presets: named sets of topic configs offered when a topic is created. The console words a
 * preset by its id where it has a translation, else shows `label`.
 */
export interface TopicPreset {
  /** Unique among presets: lower case letters, digits and `-`. */
  id: string;
  label: string;
  description?: string;
  /** Topic configs by Kafka's names (`cleanup.policy`, `retention.ms`), as strings. */
  configs: Record<string, string>;
}
