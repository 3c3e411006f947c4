import type { MessageCompression, PayloadEncoding, ProduceRequest } from '../../../api/messages.ts';
import type { ResolvedSerde } from '../../../api/serdes.ts';

/** What the produce form holds for one record. */
export interface ProduceFormValues {
  key?: string;
  /** The key as text, or JSON encoded by the topic's key serde. */
  keyEncoding: 'text' | 'serde';
  value?: string;
  partition?: number | null;
  headers?: { name: string; value: string }[];
  /** A raw encoding, or JSON encoded by the topic's value serde (its rule's schema). */
  valueEncoding: PayloadEncoding | 'serde';
  compression: MessageCompression;
}

/** A part's serde when produce can encode with it: it encodes, and it is not the built-in raw view. */
export const encodingSerde = (serde: ResolvedSerde | undefined): ResolvedSerde | null =>
  serde?.canEncode && serde.serde !== 'raw' && serde.serde !== 'auto' ? serde : null;

/** The serde choice a produce request names, as the topic's rule gave it. */
const choiceOf = (serde: ResolvedSerde) => ({
  serde: serde.serde,
  ...(serde.schema ? { schema: serde.schema } : {}),
  ...(serde.messageType ? { messageType: serde.messageType } : {}),
});

/**
 * The request for the form's record, or for a batch read from a file; a part set to "serde" is sent
 * as JSON text for the server to encode with the topic's serde.
 */
export function toProduceRequest(
  values: ProduceFormValues,
  batch: ProduceRequest['messages'] | null,
  serdes: { key: ResolvedSerde | null; value: ResolvedSerde | null },
): ProduceRequest {
  return {
    messages: batch ?? [
      {
        key: values.key ? values.key : null,
        value: values.value ?? null,
        headers: (values.headers ?? []).filter((h) => h?.name),
        partition: values.partition ?? undefined,
      },
    ],
    keyEncoding: 'text',
    ...(values.keyEncoding === 'serde' && serdes.key ? { keySerde: choiceOf(serdes.key) } : {}),
    ...(values.valueEncoding === 'serde' && serdes.value
      ? { valueEncoding: 'text' as const, valueSerde: choiceOf(serdes.value) }
      : { valueEncoding: values.valueEncoding === 'serde' ? 'text' : values.valueEncoding }),
    compression: values.compression,
  };
}
