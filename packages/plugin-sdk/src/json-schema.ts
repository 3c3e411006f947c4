/**
 * The subset of JSON Schema a plugin's settings form uses. Other keywords are passed to the
 * validator as they are, so a plugin may use any JSON Schema the host's validator (Ajv) knows.
 */
export interface JsonSchema {
  type?: 'object' | 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'null';
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: (string | number | boolean | null)[];
  const?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  /** A secret: sealed at rest and never returned by the API. */
  writeOnly?: boolean;
  [keyword: string]: unknown;
}
