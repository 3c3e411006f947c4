import type { Producer } from '@platformatic/kafka';

export const COMPRESSIONS = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;
export type Compression = (typeof COMPRESSIONS)[number];

export interface RecordToProduce {
  /** Always set: the caller picks the partition (Kafka's partitioner for keyed records, see partitioner.ts). */
  partition: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: [string, Buffer][];
  timestamp?: number;
}

export interface ProducedBatch {
  partition: number;
  /** Offset of the first record written to this partition; the rest follow in order. */
  baseOffset: number;
  count: number;
}

/** Writes records to one topic with acks=all and reports where each partition's records landed. */
export async function produceRecords(
  producer: Producer<Buffer, Buffer, Buffer, Buffer>,
  topic: string,
  records: RecordToProduce[],
  compression: Compression,
): Promise<ProducedBatch[]> {
  const result = await producer.send({
    messages: records.map((record) => ({
      topic,
      partition: record.partition,
      key: record.key ?? undefined,
      value: record.value ?? undefined,
      headers: new Map(record.headers.map(([name, value]) => [Buffer.from(name), value])),
      timestamp: record.timestamp === undefined ? undefined : BigInt(record.timestamp),
    })),
    acks: -1,
    compression,
  });
  const counts = new Map<number, number>();
  for (const record of records) counts.set(record.partition, (counts.get(record.partition) ?? 0) + 1);
  return (result.offsets ?? [])
    .map((o) => ({
      partition: o.partition,
      baseOffset: Number(o.offset),
      count: counts.get(o.partition) ?? 0,
    }))
    .sort((a, b) => a.partition - b.partition);
}
