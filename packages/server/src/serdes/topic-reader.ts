import type { RenderedMessage, TopicSerdes } from '@weir/api';
import type { FetchedRecord } from '@weir/kafka';
import type { FilterRecord } from '../messages/message-filter.ts';
import type { PartReader } from './part-reader.ts';

/** How one topic's records are read: a reader per part, as the cluster's serde rules resolve them. */
export class TopicReader {
  readonly key: PartReader;
  readonly value: PartReader;
  readonly headers: PartReader;

  constructor(parts: { key: PartReader; value: PartReader; headers: PartReader }) {
    this.key = parts.key;
    this.value = parts.value;
    this.headers = parts.headers;
  }

  get resolved(): TopicSerdes {
    return { key: this.key.resolved, value: this.value.resolved, headers: this.headers.resolved };
  }

  /** False when every part is shown raw whatever the bytes: searches then filter the bytes as they are. */
  get mayDecode(): boolean {
    return this.key.mayDecode || this.value.mayDecode || this.headers.mayDecode;
  }

  async render(record: FetchedRecord, maxValueBytes: number): Promise<RenderedMessage> {
    const [key, value, headers] = await Promise.all([
      this.key.render(record.key, maxValueBytes),
      this.value.render(record.value, maxValueBytes),
      Promise.all(
        record.headers.map(async ([name, bytes]) => ({
          name: name.toString('utf8'),
          value: await this.headers.render(bytes, maxValueBytes),
        })),
      ),
    ]);
    return {
      partition: record.partition,
      offset: record.offset,
      timestamp: record.timestamp,
      timestampType: record.timestampType,
      transactional: record.transactional,
      transactionState: record.transactionState,
      producerId: record.producerId,
      producerEpoch: record.producerEpoch,
      key,
      value,
      headers,
      size: record.size,
    };
  }

  /**
   * What filters read: each part decoded by a serde becomes its JSON text (so "contains", regex and
   * JSON path work on decoded fields); a raw part stays the bytes. `rawKey` keeps keys as bytes,
   * for a key lookup that compares exact bytes.
   */
  async filterView(
    records: FetchedRecord[],
    fields: { key: boolean; value: boolean; headers: boolean },
    rawKey: boolean,
  ): Promise<FilterRecord[]> {
    const shown = async (reader: PartReader, bytes: Uint8Array | null): Promise<Uint8Array | null> => {
      if (bytes === null || !reader.mayDecode) return bytes;
      const result = await reader.read(bytes);
      return result?.decoded ? Buffer.from(result.json, 'utf8') : bytes;
    };
    return Promise.all(
      records.map(async (r) => ({
        key: fields.key ? (rawKey ? r.key : await shown(this.key, r.key)) : null,
        value: fields.value ? await shown(this.value, r.value) : null,
        headers: fields.headers
          ? await Promise.all(
              r.headers.map(
                async ([name, bytes]) =>
                  [name, await shown(this.headers, bytes)] as [Uint8Array, Uint8Array | null],
              ),
            )
          : [],
      })),
    );
  }
}
