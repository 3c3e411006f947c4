import { connect, type Socket } from 'node:net';
import { zookeeperServers } from './zookeeper-status.ts';

// ZooKeeper's wire protocol (jute): the few requests Weir sends to clusters older than the Kafka APIs
// that replaced these znodes. One request at a time, so replies arrive in the order asked.
const OP_CREATE = 1;
const OP_EXISTS = 3;
const OP_GET_DATA = 4;
const OP_GET_CHILDREN = 8;
const OP_CLOSE = -11;
const PERMS_ALL = 31;
export const ERR_NO_NODE = -101;
export const ERR_NODE_EXISTS = -110;

/** ZooKeeper could not be reached, or refused a request. */
export class ZooKeeperUnavailableError extends Error {}

/** A change written to ZooKeeper for Kafka's controller could not be made. */
export class ZooKeeperRequestError extends Error {
  /** `in-progress`: another change of the kind is pending; `unavailable`: ZooKeeper or the controller did not act. */
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
const bytes = (value: Buffer) => Buffer.concat([int32(value.length), value]);
const text = (value: string) => bytes(Buffer.from(value, 'utf8'));
const NO_WATCH = Buffer.from([0]);

function connectRequest(sessionTimeoutMs: number): Buffer {
  return Buffer.concat([
    int32(0), // protocol version
    Buffer.alloc(8), // last zxid seen
    int32(sessionTimeoutMs),
    Buffer.alloc(8), // session id: a new session
    bytes(Buffer.alloc(16)), // password
    Buffer.from([0]), // not read-only
  ]);
}

/** A reply: xid (4), zxid (8), error (4), then the body. */
interface Reply {
  error: number;
  body: Buffer;
}

/** One short-lived ZooKeeper session; paths are relative to the connect string's chroot. */
export class ZooKeeperSession {
  readonly #socket: Socket;
  readonly #frames: Frames;
  readonly #chroot: string;
  #xid = 1;

  private constructor(socket: Socket, frames: Frames, chroot: string) {
    this.#socket = socket;
    this.#frames = frames;
    this.#chroot = chroot;
  }

  /** Opens a session with the first server of `connectString` that answers. */
  static async open(connectString: string, timeoutMs = 5000): Promise<ZooKeeperSession> {
    const slash = connectString.indexOf('/');
    const chroot = slash === -1 ? '' : connectString.slice(slash).replace(/\/$/, '');
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
        return new ZooKeeperSession(socket, frames, chroot);
      } catch (error) {
        socket.destroy();
        failures.push(`${host}:${port}: ${(error as Error).message}`);
      }
    }
    throw new ZooKeeperUnavailableError(`No ZooKeeper server answered (${failures.join('; ')}).`);
  }

  /** The full path of `path` under the chroot, as messages should name it. */
  path(path: string): string {
    return `${this.#chroot}${path}`;
  }

  /** Creates a persistent znode open to all, as Kafka's own tools do; returns ZooKeeper's error code. */
  async create(path: string, data: Buffer): Promise<number> {
    const acl = Buffer.concat([int32(1), int32(PERMS_ALL), text('world'), text('anyone')]);
    return (await this.#call(OP_CREATE, Buffer.concat([text(this.path(path)), bytes(data), acl, int32(0)])))
      .error;
  }

  async exists(path: string): Promise<boolean> {
    const { error } = await this.#call(OP_EXISTS, Buffer.concat([text(this.path(path)), NO_WATCH]));
    if (error === 0) return true;
    if (error === ERR_NO_NODE) return false;
    throw this.#refused('exists', path, error);
  }

  /** The znode's data, or null when there is no such znode. */
  async getData(path: string): Promise<Buffer | null> {
    const { error, body } = await this.#call(OP_GET_DATA, Buffer.concat([text(this.path(path)), NO_WATCH]));
    if (error === ERR_NO_NODE) return null;
    if (error !== 0) throw this.#refused('getData', path, error);
    const length = body.readInt32BE(0);
    return length < 0 ? Buffer.alloc(0) : Buffer.from(body.subarray(4, 4 + length));
  }

  /** The znode's children, or an empty list when there is no such znode. */
  async getChildren(path: string): Promise<string[]> {
    const { error, body } = await this.#call(
      OP_GET_CHILDREN,
      Buffer.concat([text(this.path(path)), NO_WATCH]),
    );
    if (error === ERR_NO_NODE) return [];
    if (error !== 0) throw this.#refused('getChildren', path, error);
    const children: string[] = [];
    let at = 4;
    for (let i = body.readInt32BE(0); i > 0; i--) {
      const length = body.readInt32BE(at);
      children.push(body.toString('utf8', at + 4, at + 4 + length));
      at += 4 + length;
    }
    return children;
  }

  close(): void {
    this.#frames.send(Buffer.concat([int32(this.#xid++), int32(OP_CLOSE)]));
    this.#socket.end();
  }

  async #call(op: number, request: Buffer): Promise<Reply> {
    this.#frames.send(Buffer.concat([int32(this.#xid++), int32(op), request]));
    const frame = await this.#frames.next();
    return { error: frame.readInt32BE(12), body: frame.subarray(16) };
  }

  #refused(operation: string, path: string, error: number): ZooKeeperUnavailableError {
    return new ZooKeeperUnavailableError(
      `ZooKeeper refused ${operation} on ${this.path(path)} (error ${error}).`,
    );
  }
}
