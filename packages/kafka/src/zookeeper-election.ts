import { connect, type Socket } from 'node:net';
import { zookeeperServers } from './zookeeper-status.ts';

// ZooKeeper's wire protocol (jute): what a one-shot client needs to create and watch one znode.
const OP_CREATE = 1;
const OP_EXISTS = 3;
const OP_CLOSE = -11;
const PERMS_ALL = 31;
const ERR_NO_NODE = -101;
const ERR_NODE_EXISTS = -110;

export class ZooKeeperElectionError extends Error {
  /** `in-progress`: another election's znode is there; `unavailable`: ZooKeeper or the controller did not act. */
  readonly kind: 'in-progress' | 'unavailable';
  constructor(kind: 'in-progress' | 'unavailable', message: string) {
    super(message);
    this.kind = kind;
  }
}

class Frames {
  readonly #socket: Socket;
  #buffer = Buffer.alloc(0);
  #waiting: ((frame: Buffer) => void) | null = null;
  #failure: Error | null = null;
  #onFailure: ((error: Error) => void) | null = null;

  constructor(socket: Socket) {
    this.#socket = socket;
    socket.on('data', (chunk) => {
      this.#buffer = Buffer.concat([this.#buffer, chunk]);
      this.#deliver();
    });
    const fail = (error: Error) => {
      this.#failure = error;
      this.#onFailure?.(error);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('ZooKeeper closed the connection')));
  }

  send(body: Buffer): void {
    const length = Buffer.alloc(4);
    length.writeInt32BE(body.length);
    this.#socket.write(Buffer.concat([length, body]));
  }

  next(): Promise<Buffer> {
    return new Promise((resolvePromise, reject) => {
      if (this.#failure) return reject(this.#failure);
      this.#waiting = resolvePromise;
      this.#onFailure = reject;
      this.#deliver();
    });
  }

  #deliver(): void {
    if (!this.#waiting || this.#buffer.length < 4) return;
    const length = this.#buffer.readInt32BE(0);
    if (this.#buffer.length < 4 + length) return;
    const frame = this.#buffer.subarray(4, 4 + length);
    this.#buffer = this.#buffer.subarray(4 + length);
    const deliver = this.#waiting;
    this.#waiting = null;
    deliver(frame);
  }
}

const int32 = (value: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(value);
  return b;
};
const int64zero = () => Buffer.alloc(8);
const bytes = (value: Buffer) => Buffer.concat([int32(value.length), value]);
const text = (value: string) => bytes(Buffer.from(value, 'utf8'));

function connectRequest(sessionTimeoutMs: number): Buffer {
  return Buffer.concat([
    int32(0), // protocol version
    int64zero(), // last zxid seen
    int32(sessionTimeoutMs),
    int64zero(), // session id: a new session
    bytes(Buffer.alloc(16)), // password
    Buffer.from([0]), // not read-only
  ]);
}

function createRequest(xid: number, path: string, data: Buffer): Buffer {
  return Buffer.concat([
    int32(xid),
    int32(OP_CREATE),
    text(path),
    bytes(data),
    int32(1), // one ACL: world:anyone may do anything, as Kafka's own tools create it
    int32(PERMS_ALL),
    text('world'),
    text('anyone'),
    int32(0), // persistent
  ]);
}

const existsRequest = (xid: number, path: string) =>
  Buffer.concat([int32(xid), int32(OP_EXISTS), text(path), Buffer.from([0])]);
const replyError = (frame: Buffer) => frame.readInt32BE(12); // after xid (4) and zxid (8)

async function openSession(
  connectString: string,
  timeoutMs: number,
): Promise<{ socket: Socket; frames: Frames }> {
  const failures: string[] = [];
  for (const { host, port } of zookeeperServers(connectString)) {
    const socket = connect({ host, port });
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    const frames = new Frames(socket);
    try {
      await new Promise<void>((resolvePromise, reject) => {
        socket.once('connect', () => resolvePromise());
        socket.once('error', reject);
      });
      frames.send(connectRequest(timeoutMs * 2));
      const answer = await frames.next();
      // protocol version (4), negotiated timeout (4): zero means the server refused the session.
      if (answer.readInt32BE(4) === 0) throw new Error('the server refused the session');
      return { socket, frames };
    } catch (error) {
      socket.destroy();
      failures.push(`${host}:${port}: ${(error as Error).message}`);
    }
  }
  throw new ZooKeeperElectionError('unavailable', `No ZooKeeper server answered (${failures.join('; ')}).`);
}

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
  const timeoutMs = options.timeoutMs ?? 5000;
  const chroot = connectString.includes('/')
    ? connectString.slice(connectString.indexOf('/')).replace(/\/$/, '')
    : '';
  const path = `${chroot}/admin/preferred_replica_election`;
  const { socket, frames } = await openSession(connectString, timeoutMs);
  try {
    frames.send(createRequest(1, path, Buffer.from(JSON.stringify({ version: 1, partitions }))));
    const created = replyError(await frames.next());
    if (created === ERR_NODE_EXISTS)
      throw new ZooKeeperElectionError(
        'in-progress',
        'A preferred leader election is already in progress (the znode /admin/preferred_replica_election exists); try again when it ends.',
      );
    if (created !== 0)
      throw new ZooKeeperElectionError(
        'unavailable',
        `ZooKeeper refused to create ${path} (error ${created}).`,
      );
    const deadline = Date.now() + (options.waitMs ?? 30_000);
    for (let xid = 2; Date.now() < deadline; xid++) {
      frames.send(existsRequest(xid, path));
      if (replyError(await frames.next()) === ERR_NO_NODE) return;
      await new Promise((resolvePromise) => setTimeout(resolvePromise, 200));
    }
    throw new ZooKeeperElectionError(
      'unavailable',
      `The controller has not acted on ${path} within ${options.waitMs ?? 30_000} ms; it is still pending there.`,
    );
  } finally {
    frames.send(Buffer.concat([int32(1_000_000), int32(OP_CLOSE)]));
    socket.end();
  }
}
