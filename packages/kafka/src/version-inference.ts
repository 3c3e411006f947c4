import type { ApiVersionRange } from './gateway.ts';

/**
 * What a release added to ApiVersions, oldest first: a key that first appeared, or a version bump
 * of a key. A broker satisfies a release when it shows every marker of it and of every older one.
 */
interface ReleaseMarker {
  release: string;
  test: (apis: Map<number, ApiVersionRange>) => boolean;
}

const hasKey = (key: number) => (apis: Map<number, ApiVersionRange>) => apis.has(key);
const maxAtLeast = (key: number, version: number) => (apis: Map<number, ApiVersionRange>) =>
  (apis.get(key)?.maxVersion ?? -1) >= version;
const minAtLeast = (key: number, version: number) => (apis: Map<number, ApiVersionRange>) =>
  (apis.get(key)?.minVersion ?? -1) >= version;

const FETCH = 1;

const MARKERS: readonly ReleaseMarker[] = [
  { release: '0.10.0', test: hasKey(18) }, // ApiVersions
  { release: '0.10.1', test: hasKey(19) }, // CreateTopics
  { release: '0.11', test: hasKey(21) }, // DeleteRecords
  { release: '1.0', test: hasKey(35) }, // DescribeLogDirs
  { release: '1.1', test: hasKey(42) }, // DeleteGroups
  { release: '2.0', test: maxAtLeast(FETCH, 8) },
  { release: '2.1', test: maxAtLeast(FETCH, 10) }, // zstd
  { release: '2.2', test: hasKey(43) }, // ElectLeaders
  { release: '2.3', test: hasKey(44) }, // IncrementalAlterConfigs
  { release: '2.4', test: hasKey(45) }, // AlterPartitionReassignments
  { release: '2.6', test: hasKey(48) }, // DescribeClientQuotas
  { release: '2.7', test: hasKey(50) }, // DescribeUserScramCredentials
  { release: '2.8', test: hasKey(60) }, // DescribeCluster
  { release: '3.0', test: hasKey(65) }, // DescribeTransactions
  { release: '3.1', test: maxAtLeast(FETCH, 13) }, // topic ids in Fetch
  { release: '3.5', test: maxAtLeast(FETCH, 15) },
  { release: '3.7', test: maxAtLeast(FETCH, 16) },
  { release: '3.8', test: hasKey(75) }, // DescribeTopicPartitions
  { release: '3.9', test: hasKey(80) }, // AddRaftVoter
  { release: '4.0', test: minAtLeast(FETCH, 4) }, // 4.0 dropped the oldest protocol versions (KIP-896)
  { release: '4.1', test: maxAtLeast(FETCH, 18) },
];

export interface InferredVersion {
  /** `3.9`, a range such as `2.4 – 2.5`, or `>= 4.1` past the newest release Weir knows. */
  label: string;
  /** The oldest release the broker can be. */
  minimum: string;
  /** The newest release it can be, or null when it may be newer than any Weir knows. */
  maximum: string | null;
  exact: boolean;
}

const NEXT_RELEASE_BEFORE: Record<string, string> = {
  '0.10.1': '0.10.2',
  '0.11': '0.11',
  '2.4': '2.5',
  '3.1': '3.4',
  '3.5': '3.6',
};

/** Infers the Kafka release from a broker's ApiVersions answer, as precisely as the answer allows. */
export function inferKafkaVersion(apis: readonly ApiVersionRange[]): InferredVersion {
  const byKey = new Map(apis.map((api) => [api.apiKey, api]));
  let matched = -1;
  for (const [index, marker] of MARKERS.entries()) {
    if (!marker.test(byKey)) break;
    matched = index;
  }
  if (matched < 0) return { label: '< 0.10', minimum: '0.8', maximum: '0.9', exact: false };
  const minimum = MARKERS[matched]!.release;
  if (matched === MARKERS.length - 1) return { label: `>= ${minimum}`, minimum, maximum: null, exact: false };
  // Releases between two markers add nothing a broker shows, so the answer is a range up to the one before the next marker.
  const maximum = NEXT_RELEASE_BEFORE[minimum] ?? minimum;
  const exact = maximum === minimum;
  return { label: exact ? minimum : `${minimum} – ${maximum}`, minimum, maximum, exact };
}

/**
 * ZooKeeper-mode brokers answer the controller-to-broker APIs (LeaderAndIsr, StopReplica,
 * UpdateMetadata) in ApiVersions; KRaft brokers never do.
 */
export function inferClusterMode(apis: readonly ApiVersionRange[]): 'zookeeper' | 'kraft' {
  const keys = new Set(apis.map((api) => api.apiKey));
  return keys.has(4) && keys.has(5) && keys.has(6) ? 'zookeeper' : 'kraft';
}
