import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ApiVersionRange } from './gateway.ts';
import { inferClusterMode, inferKafkaVersion } from './version-inference.ts';

/**
 * [apiKey, minVersion, maxVersion] as answered by real brokers started by the harness
 * (packages/testkit), recorded with `apiVersions()`; the integration tests check the live answers too.
 */
const observed: Record<string, [number, number][]> = {
  '4.1.2 KRaft': [
    [0, 13],
    [1, 18],
    [2, 10],
    [3, 13],
    [8, 9],
    [9, 9],
    [10, 6],
    [11, 9],
    [12, 4],
    [13, 5],
    [14, 5],
    [15, 6],
    [16, 5],
    [17, 1],
    [18, 4],
    [19, 7],
    [20, 6],
    [21, 2],
    [22, 5],
    [23, 4],
    [24, 5],
    [25, 4],
    [26, 5],
    [27, 1],
    [28, 5],
    [29, 3],
    [30, 3],
    [31, 3],
    [32, 4],
    [33, 2],
    [34, 2],
    [35, 4],
    [36, 2],
    [37, 3],
    [38, 3],
    [39, 2],
    [40, 2],
    [41, 3],
    [42, 2],
    [43, 2],
    [44, 1],
    [45, 1],
    [46, 0],
    [47, 0],
    [48, 1],
    [49, 1],
    [50, 0],
    [51, 0],
    [55, 2],
    [57, 2],
    [60, 2],
    [61, 0],
    [64, 0],
    [65, 0],
    [66, 2],
    [68, 1],
    [69, 1],
    [74, 1],
    [75, 0],
    [76, 1],
    [77, 1],
    [78, 1],
    [79, 1],
    [80, 0],
    [81, 0],
    [83, 0],
    [84, 0],
    [85, 0],
    [86, 0],
    [87, 0],
    [90, 0],
    [91, 0],
    [92, 0],
  ],
  '3.9.2 KRaft': [
    [0, 11],
    [1, 17],
    [2, 9],
    [3, 12],
    [8, 9],
    [9, 9],
    [10, 6],
    [11, 9],
    [12, 4],
    [13, 5],
    [14, 5],
    [15, 5],
    [16, 5],
    [17, 1],
    [18, 4],
    [19, 7],
    [20, 6],
    [21, 2],
    [22, 5],
    [23, 4],
    [24, 5],
    [25, 4],
    [26, 4],
    [27, 1],
    [28, 4],
    [29, 3],
    [30, 3],
    [31, 3],
    [32, 4],
    [33, 2],
    [34, 2],
    [35, 4],
    [36, 2],
    [37, 3],
    [38, 3],
    [39, 2],
    [40, 2],
    [41, 3],
    [42, 2],
    [43, 2],
    [44, 1],
    [45, 0],
    [46, 0],
    [47, 0],
    [48, 1],
    [49, 1],
    [50, 0],
    [51, 0],
    [55, 2],
    [57, 1],
    [60, 1],
    [61, 0],
    [64, 0],
    [65, 0],
    [66, 1],
    [68, 0],
    [69, 0],
    [74, 0],
    [75, 0],
    [80, 0],
    [81, 0],
  ],
  '2.8.2 ZooKeeper': [
    [0, 9],
    [1, 12],
    [2, 6],
    [3, 11],
    [4, 5],
    [5, 3],
    [6, 7],
    [7, 3],
    [8, 8],
    [9, 7],
    [10, 3],
    [11, 7],
    [12, 4],
    [13, 4],
    [14, 5],
    [15, 5],
    [16, 4],
    [17, 1],
    [18, 3],
    [19, 7],
    [20, 6],
    [21, 2],
    [22, 4],
    [23, 4],
    [24, 3],
    [25, 3],
    [26, 3],
    [27, 1],
    [28, 3],
    [29, 2],
    [30, 2],
    [31, 2],
    [32, 4],
    [33, 2],
    [34, 2],
    [35, 2],
    [36, 2],
    [37, 3],
    [38, 2],
    [39, 2],
    [40, 2],
    [41, 2],
    [42, 2],
    [43, 2],
    [44, 1],
    [45, 0],
    [46, 0],
    [47, 0],
    [48, 1],
    [49, 1],
    [50, 0],
    [51, 0],
    [56, 0],
    [57, 0],
    [60, 0],
    [61, 0],
  ],
};

/** 4.x raised Fetch's minimum version to 4 (KIP-896), as observed on 4.1.2; 3.9 and 2.8 accept 0. */
const minVersionOf = (release: string, apiKey: number) => (release.startsWith('4.') && apiKey === 1 ? 4 : 0);

const table = (release: string): ApiVersionRange[] =>
  observed[release]!.map(([apiKey, maxVersion]) => ({
    apiKey,
    name: `api-${apiKey}`,
    minVersion: minVersionOf(release, apiKey),
    maxVersion,
  }));

const FETCH_KEY = 1;

const without = (apis: ApiVersionRange[], ...keys: number[]) =>
  apis.filter((api) => !keys.includes(api.apiKey));

test('exact releases from real brokers: 3.9 and 2.8; 4.1 as the newest known floor', () => {
  assert.deepEqual(inferKafkaVersion(table('3.9.2 KRaft')), {
    label: '3.9',
    minimum: '3.9',
    maximum: '3.9',
    exact: true,
    certainty: 'exact',
    evidence: ['ApiVersions: 3.9'],
  });
  assert.deepEqual(inferKafkaVersion(table('2.8.2 ZooKeeper')), {
    label: '2.8',
    minimum: '2.8',
    maximum: '2.8',
    exact: true,
    certainty: 'exact',
    evidence: ['ApiVersions: 2.8'],
  });
  assert.deepEqual(inferKafkaVersion(table('4.1.2 KRaft')), {
    label: '>= 4.1',
    minimum: '4.1',
    maximum: null,
    exact: false,
    certainty: 'at-least',
    evidence: ['ApiVersions: 4.1 or newer'],
  });
});

/** ApiVersions v3 SupportedFeatures / FinalizedFeatures with a metadata.version range. */
const features = (supportedMax: number, finalized: number | null) => ({
  supportedFeatures: [
    { name: 'kraft.version', minVersion: 0, maxVersion: 1 },
    { name: 'metadata.version', minVersion: 7, maxVersion: supportedMax },
  ],
  finalizedFeatures:
    finalized === null
      ? []
      : [{ name: 'metadata.version', minVersionLevel: finalized, maxVersionLevel: finalized }],
});

test('4.1: the supported metadata.version 27 (4.1-IV1, what 4.1 ships) makes ">= 4.1" exactly 4.1', () => {
  const version = inferKafkaVersion(table('4.1.2 KRaft'), features(27, 27));
  assert.equal(version.label, '4.1');
  assert.equal(version.certainty, 'exact');
  assert.deepEqual(version.evidence, [
    'ApiVersions: 4.1 or newer',
    'supported metadata.version up to 27 (4.1-IV1), the newest level 4.1 ships',
    'finalized metadata.version 27 (the level the cluster runs at)',
  ]);
});

test('a cluster finalized at an older level still runs the newer software: finalized is only a floor', () => {
  // 4.1 binaries on a cluster that was never upgraded past 3.9-IV0 (level 21).
  assert.equal(inferKafkaVersion(table('4.1.2 KRaft'), features(27, 21)).label, '4.1');
  // Without SupportedFeatures, the finalized level alone never narrows the ceiling.
  const floorOnly = inferKafkaVersion(table('4.1.2 KRaft'), {
    finalizedFeatures: features(27, 21).finalizedFeatures,
  });
  assert.equal(floorOnly.label, '>= 4.1');
});

test('a level newer than any release Weir knows says at-least, never a release it cannot name', () => {
  const version = inferKafkaVersion(table('4.1.2 KRaft'), features(29, 28));
  assert.equal(version.label, '>= 4.1');
  assert.equal(version.certainty, 'at-least');
  assert.match(version.evidence[1]!, /up to 29, newer than any level Weir knows \(27\)/);
});

test('a level no release ships as its newest (unstable versions enabled) gives only a floor', () => {
  const version = inferKafkaVersion(table('4.1.2 KRaft'), features(26, null));
  assert.equal(version.label, '>= 4.1');
  assert.match(version.evidence[1]!, /which no release ships as its newest/);
});

test('evidence that contradicts ApiVersions is reported and not used', () => {
  const version = inferKafkaVersion(table('4.1.2 KRaft'), features(21, null));
  assert.equal(version.label, '>= 4.1');
  assert.match(version.evidence[1]!, /3\.9-IV0.*contradicts ApiVersions, not used/);
});

test('each release line from its newest metadata.version level', () => {
  // A broker between the 3.5 and 3.6 markers, told apart by the levels 3.5 and 3.6 ship.
  const like35 = without(table('3.9.2 KRaft'), 75, 80, 81).map((api) =>
    api.apiKey === FETCH_KEY ? { ...api, maxVersion: 15 } : api,
  );
  assert.equal(inferKafkaVersion(like35).label, '3.5 – 3.6');
  assert.equal(inferKafkaVersion(like35, features(11, 11)).label, '3.5');
  assert.equal(inferKafkaVersion(like35, features(14, 11)).label, '3.6');
});

test('inter.broker.protocol.version: its default names the release; a set value is only a floor', () => {
  const like25 = without(table('2.8.2 ZooKeeper'), 48, 49, 50, 51, 56, 57, 60, 61);
  const withIbp = (value: string, isDefault: boolean) =>
    inferKafkaVersion(like25, { interBrokerProtocol: { value, isDefault } });
  assert.deepEqual(withIbp('2.5-IV0', true), {
    label: '2.5',
    minimum: '2.5',
    maximum: '2.5',
    exact: true,
    certainty: 'exact',
    evidence: ['ApiVersions: 2.4 – 2.5', "inter.broker.protocol.version 2.5-IV0 (the broker's default)"],
  });
  assert.equal(withIbp('2.4-IV1', true).label, '2.4');
  // An operator pinned 2.4 during an upgrade: the software may be 2.4 or 2.5.
  assert.equal(withIbp('2.4', false).label, '2.4 – 2.5');
  assert.equal(withIbp('2.5', false).label, '2.5');
  assert.equal(withIbp('2.2-IV1', false).label, '2.4 – 2.5');
  assert.equal(withIbp('not a version', true).label, '2.4 – 2.5');
});

test('a release between markers is a range', () => {
  const like25 = without(table('2.8.2 ZooKeeper'), 48, 49, 50, 51, 56, 57, 60, 61);
  assert.deepEqual(inferKafkaVersion(like25), {
    label: '2.4 – 2.5',
    minimum: '2.4',
    maximum: '2.5',
    exact: false,
    certainty: 'range',
    evidence: ['ApiVersions: 2.4 – 2.5'],
  });
  const like38 = without(table('3.9.2 KRaft'), 80, 81);
  assert.equal(inferKafkaVersion(like38).label, '3.8');
});

test('a broker with no ApiVersions-era keys is older than 0.10', () => {
  assert.equal(inferKafkaVersion([]).label, '< 0.10');
  assert.equal(inferKafkaVersion([]).certainty, 'range');
});

test('mode: controller-to-broker APIs mean ZooKeeper', () => {
  assert.equal(inferClusterMode(table('2.8.2 ZooKeeper')), 'zookeeper');
  assert.equal(inferClusterMode(table('3.9.2 KRaft')), 'kraft');
  assert.equal(inferClusterMode(table('4.1.2 KRaft')), 'kraft');
});
