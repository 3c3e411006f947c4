import type { DecodedRecord, TransactionMarker } from './record-decoding.ts';

/** An entry of a Fetch answer's aborted_transactions (read_committed only). */
export interface AbortedTransaction {
  producerId: number;
  firstOffset: number;
}

/**
 * Where a record's transaction stands: committed or aborted by its marker, or undecided when no
 * marker was found (its transaction may still be open: the record lies at or past the last stable offset).
 */
export type TransactionState = 'committed' | 'aborted' | 'undecided';

/**
 * The offsets of records, at or after `from`, that belong to aborted transactions, as Kafka's
 * consumer decides it (CompletedFetch in the Java client): walking the log in order, a producer
 * joins the aborted set when an aborted transaction's first offset is reached, and leaves it at its
 * abort marker; a transactional record whose producer is in the set is aborted.
 * `aborted` must cover every aborted transaction whose marker lies at or after `from`, which is
 * what a read_committed Fetch from `from` answers (entries with lastOffset >= fetch offset).
 */
export function abortedOffsets(
  records: DecodedRecord[],
  markers: TransactionMarker[],
  aborted: AbortedTransaction[],
  from: number,
): Set<number> {
  const pending = [...aborted].sort((a, b) => a.firstOffset - b.firstOffset);
  const abortedProducers = new Set<number>();
  const result = new Set<number>();
  let m = 0;
  let next = 0;
  const reach = (offset: number) => {
    while (next < pending.length && (pending[next] as AbortedTransaction).firstOffset <= offset)
      abortedProducers.add((pending[next++] as AbortedTransaction).producerId);
  };
  for (const record of records) {
    for (; m < markers.length && (markers[m] as TransactionMarker).offset < record.offset; m++) {
      const marker = markers[m] as TransactionMarker;
      reach(marker.offset);
      if (!marker.commit && marker.offset >= from) abortedProducers.delete(marker.producerId);
    }
    if (record.offset < from) continue;
    reach(record.offset);
    if (record.transactional && record.producerId !== null && abortedProducers.has(record.producerId))
      result.add(record.offset);
  }
  return result;
}

/**
 * Each transactional record's state as far as the markers in the same read tell it: the first
 * marker of its producer after it commits or aborts it. Non-transactional records are absent.
 */
export function statesFromMarkers(
  records: DecodedRecord[],
  markers: TransactionMarker[],
): Map<number, TransactionState> {
  const states = new Map<number, TransactionState>();
  const open = new Map<number, number[]>();
  let m = 0;
  const close = (marker: TransactionMarker) => {
    for (const offset of open.get(marker.producerId) ?? [])
      states.set(offset, marker.commit ? 'committed' : 'aborted');
    open.delete(marker.producerId);
  };
  for (const record of records) {
    for (; m < markers.length && (markers[m] as TransactionMarker).offset < record.offset; m++)
      close(markers[m] as TransactionMarker);
    if (!record.transactional || record.producerId === null) continue;
    states.set(record.offset, 'undecided');
    open.set(record.producerId, [...(open.get(record.producerId) ?? []), record.offset]);
  }
  for (; m < markers.length; m++) close(markers[m] as TransactionMarker);
  return states;
}
