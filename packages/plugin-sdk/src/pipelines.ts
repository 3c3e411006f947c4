import type { JsonSchema } from './json-schema.ts';

/** One Kafka Connect single message transform in a connector's chain (`transforms.<alias>.*`). */
export interface CompiledTransform {
  alias: string;
  /** The transform class, e.g. `org.apache.kafka.connect.transforms.MaskField$Value`. */
  type: string;
  config: Record<string, string>;
  /** A predicate (`predicates.<alias>.*`) that gates the transform, and whether it is negated. */
  predicate?: { alias: string; type: string; config: Record<string, string>; negate?: boolean };
}

/** A node of Weir's pipeline editor that compiles to Connect transforms; Weir runs no code of its own on records. */
export interface PipelineTransform {
  /** Unique among pipeline transforms, e.g. `mask-fields`. */
  id: string;
  title: string;
  description?: string;
  /** The node's form, as a JSON Schema. */
  settingsSchema: JsonSchema;
  /** The transforms the node stands for, given its settings; throw with what is wrong in them. */
  compile(settings: Record<string, unknown>, alias: string): CompiledTransform[];
}
