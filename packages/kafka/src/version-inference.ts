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

/** How sure the answer is: one release line, a range of them, or a floor with no known ceiling. */
export type VersionCertainty = 'exact' | 'range' | 'at-least';

export interface InferredVersion {
  /** `3.9` (a release line: ApiVersions never tells 3.9.1 from 3.9.2), `2.4 – 2.5`, or `>= 4.1`. */
  label: string;
  /** The oldest release the broker can be. */
  minimum: string;
  /** The newest release it can be, or null when it may be newer than any Weir knows. */
  maximum: string | null;
  exact: boolean;
  certainty: VersionCertainty;
  /** What the answer rests on, one sentence per fact, e.g. "supported metadata.version up to 27 (4.1-IV1)". */
  evidence: string[];
}

/** What a broker reports besides its API ranges; any part may be missing (older brokers, no access). */
export interface VersionEvidence {
  /** ApiVersions v3+ SupportedFeatures: the feature levels this broker's software can run. */
  supportedFeatures?: readonly { name: string; minVersion: number; maxVersion: number }[];
  /** ApiVersions v3+ FinalizedFeatures: the levels the cluster runs at now (an operator's choice). */
  finalizedFeatures?: readonly { name: string; minVersionLevel: number; maxVersionLevel: number }[];
  /** The broker config inter.broker.protocol.version (ZooKeeper mode and KRaft before 4.0). */
  interBrokerProtocol?: { value: string; isDefault: boolean } | null;
}

const NEXT_RELEASE_BEFORE: Record<string, string> = {
  '0.10.1': '0.10.2',
  '0.11': '0.11',
  '2.4': '2.5',
  '3.1': '3.4',
  '3.5': '3.6',
};

/**
 * Releases in order, as a (major, minor) key. The ranges above end at releases the markers cannot
 * see (0.10.2, 2.5, 3.2–3.4, 3.6), so they are listed too.
 */
const RELEASES =
  '0.10.0 0.10.1 0.10.2 0.11 1.0 1.1 2.0 2.1 2.2 2.3 2.4 2.5 2.6 2.7 2.8 3.0 3.1 3.2 3.3 3.4 3.5 3.6 3.7 3.8 3.9 4.0 4.1'.split(
    ' ',
  );
const order = (release: string) => RELEASES.indexOf(release);

/**
 * The metadata.version level each release ships as its newest production level
 * (MetadataVersion.LATEST_PRODUCTION in Kafka's server-common MetadataVersion.java: 3.3-IV3 = 7,
 * 3.4-IV0 = 8, 3.5-IV2 = 11, 3.6-IV2 = 14, 3.7-IV4 = 19, 3.8-IV0 = 20, 3.9-IV0 = 21, 4.0-IV3 = 25,
 * 4.1-IV1 = 27). A broker's SupportedFeatures reports exactly this as metadata.version's maximum
 * unless the testing-only unstable.feature.versions.enable is set, and each release adds a level.
 */
const NEWEST_METADATA_LEVEL: Record<number, { release: string; name: string }> = {
  7: { release: '3.3', name: '3.3-IV3' },
  8: { release: '3.4', name: '3.4-IV0' },
  11: { release: '3.5', name: '3.5-IV2' },
  14: { release: '3.6', name: '3.6-IV2' },
  19: { release: '3.7', name: '3.7-IV4' },
  20: { release: '3.8', name: '3.8-IV0' },
  21: { release: '3.9', name: '3.9-IV0' },
  25: { release: '4.0', name: '4.0-IV3' },
  27: { release: '4.1', name: '4.1-IV1' },
};
/** The release that introduced each metadata.version level 1–27 (same source); level 0 does not exist. */
const METADATA_LEVEL_RELEASE =
  '- 3.0 3.1 3.2 3.3 3.3 3.3 3.3 3.4 3.5 3.5 3.5 3.6 3.6 3.6 3.7 3.7 3.7 3.7 3.7 3.8 3.9 4.0 4.0 4.0 4.0 4.1 4.1'.split(
    ' ',
  );
const NEWEST_KNOWN_LEVEL = METADATA_LEVEL_RELEASE.length - 1;

interface Bounds {
  minimum: string;
  maximum: string | null;
}

/** Release of an inter.broker.protocol.version value such as `2.5-IV0`, `3.9` or `0.10.2-IV0`. */
function ibpRelease(value: string): string | null {
  const match = /^(\d+)\.(\d+)(?:\.(\d+))?(?:-IV\d+)?$/.exec(value.trim());
  if (!match) return null;
  const release =
    match[1] === '0'
      ? `0.${match[2]}${match[2] === '10' ? `.${match[3] ?? '0'}` : ''}`
      : `${match[1]}.${match[2]}`;
  return order(release) >= 0 ? release : null;
}

/** Bounds from what the broker reports besides ApiVersions; each comes with the sentence that explains it. */
function boundsFromEvidence(evidence: VersionEvidence): { bounds: Bounds; because: string }[] {
  const found: { bounds: Bounds; because: string }[] = [];
  const supported = evidence.supportedFeatures?.find((f) => f.name === 'metadata.version');
  if (supported) {
    const level = supported.maxVersion;
    const newest = NEWEST_METADATA_LEVEL[level];
    if (newest) {
      found.push({
        bounds: { minimum: newest.release, maximum: newest.release },
        because: `supported metadata.version up to ${level} (${newest.name}), the newest level ${newest.release} ships`,
      });
    } else if (level > NEWEST_KNOWN_LEVEL) {
      // Newer than any release in the table: the floor is certain, the release is not known.
      found.push({
        bounds: { minimum: METADATA_LEVEL_RELEASE[NEWEST_KNOWN_LEVEL]!, maximum: null },
        because: `supported metadata.version up to ${level}, newer than any level Weir knows (${NEWEST_KNOWN_LEVEL})`,
      });
    } else if (level >= 1) {
      // Not the newest level of any release: a development build or unstable versions enabled.
      found.push({
        bounds: { minimum: METADATA_LEVEL_RELEASE[level]!, maximum: null },
        because: `supported metadata.version up to ${level}, which no release ships as its newest`,
      });
    }
  }
  const finalized = evidence.finalizedFeatures?.find((f) => f.name === 'metadata.version');
  if (finalized && finalized.maxVersionLevel >= 1 && finalized.maxVersionLevel <= NEWEST_KNOWN_LEVEL) {
    // The cluster runs at this level, so every broker's software supports it: a floor, never more.
    found.push({
      bounds: { minimum: METADATA_LEVEL_RELEASE[finalized.maxVersionLevel]!, maximum: null },
      because: `finalized metadata.version ${finalized.maxVersionLevel} (the level the cluster runs at)`,
    });
  }
  const ibp = evidence.interBrokerProtocol;
  const release = ibp ? ibpRelease(ibp.value) : null;
  if (ibp && release) {
    // The default is the newest protocol the software speaks; a set value only proves the software knows it.
    found.push({
      bounds: { minimum: release, maximum: ibp.isDefault ? release : null },
      because: `inter.broker.protocol.version ${ibp.value} (${ibp.isDefault ? "the broker's default" : 'set by the operator'})`,
    });
  }
  return found;
}

function describe(bounds: Bounds, evidence: string[]): InferredVersion {
  const { minimum, maximum } = bounds;
  if (maximum === null)
    return { label: `>= ${minimum}`, minimum, maximum, exact: false, certainty: 'at-least', evidence };
  const exact = maximum === minimum;
  return {
    label: exact ? minimum : `${minimum} – ${maximum}`,
    minimum,
    maximum,
    exact,
    certainty: exact ? 'exact' : 'range',
    evidence,
  };
}

/**
 * Infers the Kafka release line from a broker's ApiVersions answer, narrowed where it leaves a
 * range by the broker's supported and finalized features (KIP-584, KIP-778) and its
 * inter.broker.protocol.version. Evidence that contradicts ApiVersions is reported and not used, so
 * the answer is never narrower than the facts agree on. Patch releases are never told apart.
 */
export function inferKafkaVersion(
  apis: readonly ApiVersionRange[],
  evidence: VersionEvidence = {},
): InferredVersion {
  const byKey = new Map(apis.map((api) => [api.apiKey, api]));
  let matched = -1;
  for (const [index, marker] of MARKERS.entries()) {
    if (!marker.test(byKey)) break;
    matched = index;
  }
  if (matched < 0)
    return {
      label: '< 0.10',
      minimum: '0.8',
      maximum: '0.9',
      exact: false,
      certainty: 'range',
      evidence: ['no ApiVersions API (added in 0.10.0)'],
    };
  const floor = MARKERS[matched]!.release;
  // Releases between two markers add nothing a broker shows, so the answer is a range up to the one before the next marker.
  const bounds: Bounds = {
    minimum: floor,
    maximum: matched === MARKERS.length - 1 ? null : (NEXT_RELEASE_BEFORE[floor] ?? floor),
  };
  const reasons = [
    `ApiVersions: ${bounds.maximum === null ? `${floor} or newer` : bounds.maximum === floor ? floor : `${floor} – ${bounds.maximum}`}`,
  ];
  if (bounds.minimum === bounds.maximum) return describe(bounds, reasons);
  for (const { bounds: more, because } of boundsFromEvidence(evidence)) {
    const minimum = order(more.minimum) > order(bounds.minimum) ? more.minimum : bounds.minimum;
    const maximum =
      more.maximum === null
        ? bounds.maximum
        : bounds.maximum === null || order(more.maximum) < order(bounds.maximum)
          ? more.maximum
          : bounds.maximum;
    if (maximum !== null && order(minimum) > order(maximum)) {
      reasons.push(`${because}: contradicts ApiVersions, not used`);
      continue;
    }
    bounds.minimum = minimum;
    bounds.maximum = maximum;
    reasons.push(because);
  }
  return describe(bounds, reasons);
}

/**
 * ZooKeeper-mode brokers answer the controller-to-broker APIs (LeaderAndIsr, StopReplica,
 * UpdateMetadata) in ApiVersions; KRaft brokers never do.
 */
export function inferClusterMode(apis: readonly ApiVersionRange[]): 'zookeeper' | 'kraft' {
  const keys = new Set(apis.map((api) => api.apiKey));
  return keys.has(4) && keys.has(5) && keys.has(6) ? 'zookeeper' : 'kraft';
}
