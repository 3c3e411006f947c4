import {
  ERR_NODE_EXISTS,
  ZooKeeperRequestError,
  ZooKeeperSession,
  ZooKeeperUnavailableError,
} from './zookeeper-session.ts';

const ELECTION_PATH = '/admin/preferred_replica_election';

/**
 * Preferred leader election for brokers older than 2.4 (no ElectLeaders): writes the partitions to
 * `/admin/preferred_replica_election`, as kafka-preferred-replica-election does, and waits until the
 * controller has acted on it and removed the znode.
 */
export async function electPreferredLeadersThroughZooKeeper(
  connectString: string,
  partitions: { topic: string; partition: number }[],
  options: { timeoutMs?: number; waitMs?: number } = {},
): Promise<void> {
  let session: ZooKeeperSession;
  try {
    session = await ZooKeeperSession.open(connectString, options.timeoutMs ?? 5000);
  } catch (error) {
    throw new ZooKeeperRequestError('unavailable', (error as Error).message);
  }
  const path = session.path(ELECTION_PATH);
  try {
    const created = await session.create(
      ELECTION_PATH,
      Buffer.from(JSON.stringify({ version: 1, partitions })),
    );
    if (created === ERR_NODE_EXISTS)
      throw new ZooKeeperRequestError(
        'in-progress',
        `A preferred leader election is already in progress (the znode ${path} exists); try again when it ends.`,
      );
    if (created !== 0)
      throw new ZooKeeperRequestError(
        'unavailable',
        `ZooKeeper refused to create ${path} (error ${created}).`,
      );
    const waitMs = options.waitMs ?? 30_000;
    const deadline = Date.now() + waitMs;
    while (Date.now() < deadline) {
      if (!(await session.exists(ELECTION_PATH))) return;
      await new Promise((resolvePromise) => setTimeout(resolvePromise, 200));
    }
    throw new ZooKeeperRequestError(
      'unavailable',
      `The controller has not acted on ${path} within ${waitMs} ms; it is still pending there.`,
    );
  } catch (error) {
    if (error instanceof ZooKeeperUnavailableError)
      throw new ZooKeeperRequestError('unavailable', error.message);
    throw error;
  } finally {
    session.close();
  }
}
