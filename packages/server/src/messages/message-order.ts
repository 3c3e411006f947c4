import type { FetchedRecord } from '@weir/kafka';

/**
 * Merges partitions' records into one page. Each partition keeps its offset order (ascending, or
 * descending for `newestFirst`), since offsets are the log's order and timestamps need not be (a
 * producer sets CreateTime, and a record may have none). Between partitions, the next record is the
 * head with the earliest (or latest) timestamp; a head without a timestamp cannot be placed in
 * time, so it goes first, next to its partition's neighbours. Ties go to the lower partition.
 * @param perPartition each partition's records in ascending offset order.
 */
export function mergeByTimestamp(perPartition: FetchedRecord[][], newestFirst: boolean): FetchedRecord[] {
  const queues = perPartition
    .filter((records) => records.length)
    .map((records) => (newestFirst ? [...records].reverse() : records))
    .sort((a, b) => (a[0] as FetchedRecord).partition - (b[0] as FetchedRecord).partition);
  const heads = queues.map(() => 0);
  const merged: FetchedRecord[] = [];
  for (;;) {
    let best = -1;
    for (let q = 0; q < queues.length; q++) {
      const head = (queues[q] as FetchedRecord[])[heads[q] as number];
      if (!head) continue;
      if (head.timestamp === null) {
        best = q;
        break;
      }
      const current = best < 0 ? null : (queues[best] as FetchedRecord[])[heads[best] as number];
      if (
        !current ||
        (newestFirst
          ? head.timestamp > (current.timestamp as number)
          : head.timestamp < (current.timestamp as number))
      )
        best = q;
    }
    if (best < 0) return merged;
    merged.push((queues[best] as FetchedRecord[])[heads[best] as number] as FetchedRecord);
    heads[best] = (heads[best] as number) + 1;
  }
}
