import { type Admin, decodeConsumerProtocolAssignment } from '@platformatic/kafka';
import { askBroker, type BrokerAddress, type BrokerFailure, describeBroker } from './broker-call.ts';
import { COORDINATOR_ERROR_CODES, COORDINATOR_RETRY } from './coordinator-retry.ts';
import type { CommittedOffset, GroupDescription, GroupListing } from './groups.ts';
import { normaliseGroupState } from './groups.ts';
import { backoffDelay, type RetryPolicy, sleep } from './leader-requests.ts';
import { negotiatedVersion, rawRequest } from './raw-call.ts';

/*
 * Group reads that keep going when one broker does not answer. Kafka keeps each group on one
 * coordinator (the leader of its __consumer_offsets partition), and ListGroups is answered by each
 * broker for the groups it coordinates (Kafka's AdminClient sends it to every broker, KIP-518), so a
 * failed broker costs only the groups that live on it; each result says which broker failed and why.
 */

/** Kafka's error names for the codes a group read can answer with (Kafka's `Errors` enum). */
const GROUP_ERRORS: Record<number, string> = {
  14: 'COORDINATOR_LOAD_IN_PROGRESS',
  15: 'COORDINATOR_NOT_AVAILABLE',
  16: 'NOT_COORDINATOR',
  29: 'TOPIC_AUTHORIZATION_FAILED',
  30: 'GROUP_AUTHORIZATION_FAILED',
  69: 'GROUP_ID_NOT_FOUND',
};
const GROUP_ID_NOT_FOUND = 69;
const GROUP_KEY_TYPE = 0;
/** FindCoordinator takes several keys from v4 (KIP-699), OffsetFetch several groups from v8 (KIP-709). */
const BATCHED_FIND_COORDINATOR = 4;
const BATCHED_OFFSET_FETCH = 8;

const errorName = (code: number) => GROUP_ERRORS[code] ?? `error code ${code}`;

export interface GroupListingResult {
  /** Groups listed by the brokers that answered, sorted by id. */
  groups: GroupListing[];
  /** How many brokers were asked. */
  brokers: number;
  failedBrokers: BrokerFailure[];
}

interface RawListGroups {
  errorCode: number;
  groups: { groupId: string; protocolType: string; groupState?: string; groupType?: string }[];
}

/** ListGroups on every broker; each answers for the groups it coordinates. */
export async function listGroupsOnEveryBroker(
  admin: Admin,
  brokers: BrokerAddress[],
  timeoutMs: number,
): Promise<GroupListingResult> {
  const failedBrokers: BrokerFailure[] = [];
  const byId = new Map<string, GroupListing>();
  await Promise.all(
    brokers.map(async (broker) => {
      try {
        const ask = () =>
          askBroker(broker, 'ListGroups', timeoutMs, () =>
            rawRequest<RawListGroups>(admin, 'ListGroups', [[], ['classic', 'consumer']], {
              broker,
              keepErrorCodes: true,
            }),
          );
        // A broker still loading the groups of an offsets partition it just took over answers
        // COORDINATOR_LOAD_IN_PROGRESS; Kafka's admin client asks it again with backoff (KIP-518).
        let response = await ask();
        const started = Date.now();
        for (let attempt = 1; COORDINATOR_ERROR_CODES.has(response.errorCode); attempt++) {
          const delay = backoffDelay(attempt, COORDINATOR_RETRY);
          if (
            attempt >= COORDINATOR_RETRY.attempts ||
            Date.now() - started + delay > COORDINATOR_RETRY.withinMs
          )
            break;
          await sleep(delay);
          response = await ask();
        }
        if (response.errorCode !== 0)
          throw new Error(
            `${describeBroker(broker)} answered ListGroups with ${errorName(response.errorCode)}`,
          );
        for (const g of response.groups) {
          byId.set(g.groupId, {
            groupId: g.groupId,
            // ListGroups carries states from v4 (KIP-518); 'Unknown' is what Kafka says before.
            state: normaliseGroupState(g.groupState || 'Unknown'),
            protocolType: g.protocolType,
            groupType: g.groupType || null,
          });
        }
      } catch (error) {
        failedBrokers.push({ nodeId: broker.nodeId, error: (error as Error).message });
      }
    }),
  );
  return {
    groups: [...byId.values()].sort((a, b) => a.groupId.localeCompare(b.groupId)),
    brokers: brokers.length,
    failedBrokers: failedBrokers.sort((a, b) => a.nodeId - b.nodeId),
  };
}

/** Per group: its coordinator, or why none was found. */
export type CoordinatorLookup = Map<string, BrokerAddress | { error: string; code?: number }>;

interface RawFindCoordinator {
  coordinators?: { key: string; nodeId: number; host: string; port: number; errorCode: number }[];
  nodeId?: number;
  host?: string;
  port?: number;
  errorCode?: number;
}

/** FindCoordinator for each group, asked of the bootstrap broker (batched where Kafka allows). */
export async function findGroupCoordinators(
  admin: Admin,
  groupIds: string[],
  timeoutMs: number,
): Promise<CoordinatorLookup> {
  const found: CoordinatorLookup = new Map();
  const version = await negotiatedVersion(admin, 'FindCoordinator');
  const batches = version >= BATCHED_FIND_COORDINATOR ? [groupIds] : groupIds.map((id) => [id]);
  await Promise.all(
    batches.map(async (keys) => {
      try {
        const response = await withDeadline(timeoutMs, 'FindCoordinator', () =>
          rawRequest<RawFindCoordinator>(admin, 'FindCoordinator', [GROUP_KEY_TYPE, keys], {
            keepErrorCodes: true,
          }),
        );
        const answers = response.coordinators ?? [
          {
            key: keys[0]!,
            nodeId: response.nodeId ?? -1,
            host: response.host ?? '',
            port: response.port ?? -1,
            errorCode: response.errorCode ?? 0,
          },
        ];
        for (const c of answers) {
          // Before v4 the answer carries no key (the library leaves it empty): it is the one asked for.
          found.set(
            version >= BATCHED_FIND_COORDINATOR ? c.key : keys[0]!,
            c.errorCode === 0
              ? { nodeId: c.nodeId, host: c.host, port: c.port }
              : { error: `FindCoordinator answered ${errorName(c.errorCode)}`, code: c.errorCode },
          );
        }
      } catch (error) {
        for (const key of keys) found.set(key, { error: (error as Error).message });
      }
    }),
  );
  return found;
}

async function withDeadline<T>(timeoutMs: number, api: string, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`the bootstrap broker did not answer ${api} within ${timeoutMs} ms`)),
          timeoutMs,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Groups by the coordinator that holds them; groups without one get their reason in `failures`. */
function byCoordinator(lookup: CoordinatorLookup, result: RetriableRead<unknown>) {
  const groups = new Map<number, { broker: BrokerAddress; groupIds: string[] }>();
  for (const [groupId, coordinator] of lookup) {
    if ('error' in coordinator) {
      result.failures.set(groupId, coordinator.error);
      if (coordinator.code !== undefined && COORDINATOR_ERROR_CODES.has(coordinator.code))
        result.retriable.add(groupId);
      continue;
    }
    const entry = groups.get(coordinator.nodeId) ?? { broker: coordinator, groupIds: [] };
    entry.groupIds.push(groupId);
    groups.set(coordinator.nodeId, entry);
  }
  return [...groups.values()];
}

export interface GroupReadResult<T> {
  /** Groups their coordinator answered for. */
  answered: Map<string, T>;
  /** Group → why it could not be read, naming the broker that failed. */
  failures: Map<string, string>;
}

/** One round's result, with the failed groups whose answer says to find the coordinator again. */
interface RetriableRead<T> extends GroupReadResult<T> {
  retriable: Set<string>;
}

const emptyRead = <T>(): RetriableRead<T> => ({
  answered: new Map(),
  failures: new Map(),
  retriable: new Set(),
});

/**
 * Runs a per-coordinator group read, then reads again, with a fresh FindCoordinator and Kafka's
 * backoff (KIP-580), the groups whose coordinator answered COORDINATOR_LOAD_IN_PROGRESS,
 * COORDINATOR_NOT_AVAILABLE or NOT_COORDINATOR, as Kafka's admin client does right after the leader
 * of a `__consumer_offsets` partition moves. Groups still failing after the last round keep the
 * reason naming the broker.
 */
async function withCoordinatorRounds<T>(
  groupIds: string[],
  readOnce: (ids: string[]) => Promise<RetriableRead<T>>,
  policy: RetryPolicy = COORDINATOR_RETRY,
): Promise<GroupReadResult<T>> {
  const result: GroupReadResult<T> = { answered: new Map(), failures: new Map() };
  const started = Date.now();
  let pending = groupIds;
  for (let attempt = 1; pending.length > 0; attempt++) {
    const round = await readOnce(pending);
    for (const [id, value] of round.answered) {
      result.answered.set(id, value);
      result.failures.delete(id);
    }
    for (const [id, why] of round.failures) result.failures.set(id, why);
    const delay = backoffDelay(attempt, policy);
    if (attempt >= policy.attempts || Date.now() - started + delay > policy.withinMs) break;
    pending = [...round.retriable];
    if (pending.length > 0) await sleep(delay);
  }
  return result;
}

interface RawOffsetFetchGroup {
  groupId: string;
  errorCode: number;
  topics: {
    name: string;
    partitions: {
      partitionIndex: number;
      committedOffset: bigint;
      metadata: string | null;
      errorCode: number;
    }[];
  }[];
}
interface RawOffsetFetch {
  groups?: RawOffsetFetchGroup[];
  topics?: RawOffsetFetchGroup['topics'];
  errorCode?: number;
}

/**
 * Committed offsets of each group from its coordinator; a partition without a commit (-1) is left
 * out. A coordinator that fails costs only the groups it holds.
 */
export function committedOffsetsFromCoordinators(
  admin: Admin,
  groupIds: string[],
  timeoutMs: number,
): Promise<GroupReadResult<CommittedOffset[]>> {
  return withCoordinatorRounds(groupIds, (ids) => committedOffsetsOnce(admin, ids, timeoutMs));
}

async function committedOffsetsOnce(
  admin: Admin,
  groupIds: string[],
  timeoutMs: number,
): Promise<RetriableRead<CommittedOffset[]>> {
  const result = emptyRead<CommittedOffset[]>();
  if (groupIds.length === 0) return result;
  const lookup = await findGroupCoordinators(admin, groupIds, timeoutMs);
  const version = await negotiatedVersion(admin, 'OffsetFetch');
  const ask = async (broker: BrokerAddress, ids: string[]): Promise<RawOffsetFetchGroup[]> => {
    const request = ids.map((groupId) => ({ groupId, memberId: null, memberEpoch: -1, topics: null }));
    const response = await askBroker(broker, 'OffsetFetch', timeoutMs, () =>
      rawRequest<RawOffsetFetch>(admin, 'OffsetFetch', [request, false], { broker, keepErrorCodes: true }),
    );
    return response.groups && version >= BATCHED_OFFSET_FETCH
      ? response.groups
      : [{ groupId: ids[0]!, errorCode: response.errorCode ?? 0, topics: response.topics ?? [] }];
  };
  await Promise.all(
    byCoordinator(lookup, result).map(async ({ broker, groupIds: ids }) => {
      const batches = version >= BATCHED_OFFSET_FETCH ? [ids] : ids.map((id) => [id]);
      for (const batch of batches) {
        try {
          for (const group of await ask(broker, batch)) {
            if (group.errorCode !== 0) {
              result.failures.set(
                group.groupId,
                `${describeBroker(broker)} answered OffsetFetch with ${errorName(group.errorCode)}`,
              );
              if (COORDINATOR_ERROR_CODES.has(group.errorCode)) result.retriable.add(group.groupId);
              continue;
            }
            result.answered.set(
              group.groupId,
              group.topics.flatMap((topic) =>
                topic.partitions
                  .filter((p) => p.errorCode === 0 && p.committedOffset >= 0n)
                  .map((p) => ({
                    topic: topic.name,
                    partition: p.partitionIndex,
                    offset: Number(p.committedOffset),
                    metadata: p.metadata ?? null,
                  })),
              ),
            );
          }
        } catch (error) {
          for (const id of batch) result.failures.set(id, (error as Error).message);
        }
      }
    }),
  );
  return result;
}

interface RawDescribeGroups {
  groups: {
    errorCode: number;
    groupId: string;
    groupState: string;
    protocolType: string;
    protocolData: string;
    members: {
      memberId: string;
      groupInstanceId: string | null;
      clientId: string;
      clientHost: string;
      memberAssignment: Buffer;
    }[];
  }[];
}

/** The partitions a classic consumer member was given, from the consumer protocol's assignment bytes. */
function assignedPartitions(protocolType: string, bytes: Buffer): { topic: string; partition: number }[] {
  // Only the `consumer` protocol encodes assignments this way; Connect's workers use their own format.
  if (protocolType !== 'consumer' || !bytes || bytes.length === 0) return [];
  try {
    return decodeConsumerProtocolAssignment(bytes)
      .assignedPartitions.flatMap((a) => a.partitions.map((partition) => ({ topic: a.topic, partition })))
      .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  } catch {
    return [];
  }
}

/**
 * Classic groups described by their coordinators (DescribeGroups), members' assignments decoded.
 * A group Kafka does not know answers state `Dead` (classic) or GROUP_ID_NOT_FOUND: both mean
 * Kafka says it does not exist, reported as state `Dead`.
 */
export function describeGroupsOnCoordinators(
  admin: Admin,
  groupIds: string[],
  timeoutMs: number,
): Promise<GroupReadResult<DescribedGroup>> {
  return withCoordinatorRounds(groupIds, (ids) => describeGroupsOnce(admin, ids, timeoutMs));
}

type DescribedGroup = GroupDescription & { coordinator: number };

async function describeGroupsOnce(
  admin: Admin,
  groupIds: string[],
  timeoutMs: number,
): Promise<RetriableRead<DescribedGroup>> {
  const result = emptyRead<DescribedGroup>();
  if (groupIds.length === 0) return result;
  const lookup = await findGroupCoordinators(admin, groupIds, timeoutMs);
  await Promise.all(
    byCoordinator(lookup, result).map(async ({ broker, groupIds: ids }) => {
      try {
        const response = await askBroker(broker, 'DescribeGroups', timeoutMs, () =>
          rawRequest<RawDescribeGroups>(admin, 'DescribeGroups', [ids, false], {
            broker,
            keepErrorCodes: true,
          }),
        );
        for (const group of response.groups) {
          if (group.errorCode !== 0 && group.errorCode !== GROUP_ID_NOT_FOUND) {
            result.failures.set(
              group.groupId,
              `${describeBroker(broker)} answered DescribeGroups with ${errorName(group.errorCode)}`,
            );
            if (COORDINATOR_ERROR_CODES.has(group.errorCode)) result.retriable.add(group.groupId);
            continue;
          }
          result.answered.set(group.groupId, {
            groupId: group.groupId,
            coordinator: broker.nodeId,
            state: group.errorCode === GROUP_ID_NOT_FOUND ? 'Dead' : normaliseGroupState(group.groupState),
            protocolType: group.protocolType,
            protocol: group.protocolData,
            members: group.members.map((m) => ({
              memberId: m.memberId,
              groupInstanceId: m.groupInstanceId ?? null,
              clientId: m.clientId,
              host: m.clientHost.replace(/^\//, ''),
              assignment: assignedPartitions(group.protocolType, m.memberAssignment),
            })),
          });
        }
      } catch (error) {
        for (const id of ids) result.failures.set(id, (error as Error).message);
      }
    }),
  );
  return result;
}
