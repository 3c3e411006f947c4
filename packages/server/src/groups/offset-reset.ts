import type { ResetTo } from '@weir/api';

export interface PartitionPosition {
  /** The group's committed offset, or null when it has none for this partition. */
  committed: number | null;
  start: number;
  end: number;
  /** For `timestamp`: the first offset at or after it, -1 when every record is older. */
  atTimestamp?: number;
}

/**
 * The new committed offset for one partition. Like Kafka's tool, targets outside the log are clamped
 * into [start, end], a timestamp after the last record means the end, and a shift from a partition
 * without a committed offset starts from the log start.
 */
export function resetTarget(to: ResetTo, position: PartitionPosition): number {
  const clamp = (offset: number) => Math.min(Math.max(offset, position.start), position.end);
  switch (to.type) {
    case 'earliest':
      return position.start;
    case 'latest':
      return position.end;
    case 'offset':
      return clamp(to.offset);
    case 'shift':
      return clamp((position.committed ?? position.start) + to.by);
    case 'timestamp': {
      const found = position.atTimestamp ?? -1;
      return found < 0 ? position.end : clamp(found);
    }
  }
}
