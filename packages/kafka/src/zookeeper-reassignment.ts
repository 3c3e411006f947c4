import {
  ERR_NODE_EXISTS,
  ZooKeeperRequestError,
  ZooKeeperSession,
  ZooKeeperUnavailableError,
} from './zookeeper-session.ts';

// Before AlterPartitionReassignments (2.4), a reassignment was the znode /admin/reassign_partitions:
// the controller starts every move listed there, removes each partition once it has moved, and deletes
// the znode when none is left. Kafka offers no way to cancel one.
const REASSIGN_PATH = '/admin/reassign_partitions';

export interface ZooKeeperMove {
  topic: string;
  partition: number;
  replicas: number[];
}

async function withSession<T>(
  connectString: string,
  work: (session: ZooKeeperSession) => Promise<T>,
): Promise<T> {
  let session: ZooKeeperSession;
  try {
    session = await ZooKeeperSession.open(connectString);
  } catch (error) {
    throw new ZooKeeperRequestError('unavailable', (error as Error).message);
  }
  try {
    return await work(session);
  } catch (error) {
    if (error instanceof ZooKeeperUnavailableError)
      throw new ZooKeeperRequestError('unavailable', error.message);
    throw error;
  } finally {
    session.close();
  }
}

const parseMoves = (data: Buffer | null): ZooKeeperMove[] =>
  data && data.length > 0
    ? ((JSON.parse(data.toString('utf8')) as { partitions?: ZooKeeperMove[] }).partitions ?? [])
    : [];

const sameMove = (a: ZooKeeperMove, b: ZooKeeperMove) =>
  a.topic === b.topic && a.partition === b.partition && a.replicas.join(',') === b.replicas.join(',');

/**
 * Writes the moves for the controller, as `kafka-reassign-partitions --zookeeper --execute` does.
 * Submitting the same moves again (a restart after the write) is accepted; any other pending
 * reassignment is `in-progress`.
 */
export function submitReassignmentThroughZooKeeper(
  connectString: string,
  moves: ZooKeeperMove[],
): Promise<void> {
  return withSession(connectString, async (session) => {
    const created = await session.create(
      REASSIGN_PATH,
      Buffer.from(JSON.stringify({ version: 1, partitions: moves })),
    );
    if (created === 0) return;
    if (created !== ERR_NODE_EXISTS)
      throw new ZooKeeperRequestError(
        'unavailable',
        `ZooKeeper refused to create ${session.path(REASSIGN_PATH)} (error ${created}).`,
      );
    const pending = parseMoves(await session.getData(REASSIGN_PATH));
    if (pending.every((p) => moves.some((m) => sameMove(m, p)))) return;
    throw new ZooKeeperRequestError(
      'in-progress',
      `Another reassignment is in progress (${pending.length} partition(s) in ${session.path(REASSIGN_PATH)}); start this one when it has finished.`,
    );
  });
}

/** The moves the controller has not finished yet. */
export function pendingReassignmentsInZooKeeper(connectString: string): Promise<ZooKeeperMove[]> {
  return withSession(connectString, async (session) => parseMoves(await session.getData(REASSIGN_PATH)));
}
