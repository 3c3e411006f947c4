import type { JsonSchema } from './json-schema.ts';

/** What an alert channel is told: a rule started or stopped firing. */
export interface AlertNotice {
  rule: { id: string; name: string };
  state: 'firing' | 'resolved';
  severity: 'info' | 'warning' | 'critical';
  cluster: { id: string; name: string };
  subject: { type: string; name: string };
  /** One line for people, with the value and the threshold. */
  summary: string;
  value: number | null;
  threshold: number | null;
  /** Epoch ms. */
  startedAt: number;
  /** A link into Weir's console, when Weir knows its public URL. */
  url?: string;
}

export interface AlertChannel {
  /** Unique among channels, e.g. `webhook`. */
  id: string;
  title: string;
  description?: string;
  /** Each destination's settings (a URL, a room), as a JSON Schema; `writeOnly` fields are sealed. */
  targetSchema: JsonSchema;
  /** Delivers one notice; throw to have Weir record the failure and retry with backoff. */
  send(notice: AlertNotice, target: Record<string, unknown>, signal: AbortSignal): Promise<void>;
}
