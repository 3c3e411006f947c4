import { request as httpsRequest } from 'node:https';
import type { SchemaRegistryConnection } from '@weir/plugin-sdk';

/** A schema as Confluent's Schema Registry returns it (`GET /schemas/ids/{id}`, `GET /subjects/{s}/versions/{v}`). */
export interface RegistrySchema {
  id: number;
  /** AVRO when the registry leaves `schemaType` out, as it does for Avro. */
  schemaType: 'AVRO' | 'PROTOBUF' | 'JSON';
  schema: string;
  references: { name: string; subject: string; version: number }[];
  subject?: string;
  version?: number;
}

/** The registry's answer when it is not a schema: its status, error code and message. */
export class RegistryError extends Error {
  readonly status: number;
  readonly errorCode: number | null;
  constructor(message: string, status: number, errorCode: number | null) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
  }
}

const ACCEPT =
  'application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json, application/json';
/** How long a "no such schema" answer is believed before asking again (ms); a present schema never changes. */
const NEGATIVE_TTL_MS = 30_000;

/**
 * A client of the Confluent Schema Registry REST API (docs.confluent.io/platform/current/schema-registry/develop/api.html):
 * schemas by id (immutable, so cached for good, bounded LRU) and subject versions; many records with
 * one id ask once (in-flight requests are shared). Auth is HTTP basic or a bearer token; a CA, when
 * given, is trusted for https.
 */
export class RegistryClient {
  readonly #connection: SchemaRegistryConnection;
  readonly #timeoutMs: number;
  readonly #cacheSize: number;
  readonly #byId = new Map<number, Promise<RegistrySchema>>();
  readonly #missing = new Map<string, { error: RegistryError; until: number }>();

  constructor(connection: SchemaRegistryConnection, options: { timeoutMs: number; cacheSize: number }) {
    this.#connection = connection;
    this.#timeoutMs = options.timeoutMs;
    this.#cacheSize = options.cacheSize;
  }

  get url(): string {
    return this.#connection.url.replace(/\/+$/, '');
  }

  /** @throws RegistryError saying why there is no schema (40403, auth, unreachable, timeout). */
  schemaById(id: number): Promise<RegistrySchema> {
    const cached = this.#byId.get(id);
    if (cached) {
      this.#byId.delete(id);
      this.#byId.set(id, cached);
      return cached;
    }
    const pending = this.#get(`/schemas/ids/${id}`).then((body) => toSchema(body, { id }));
    this.#byId.set(id, pending);
    if (this.#byId.size > this.#cacheSize) this.#byId.delete(this.#byId.keys().next().value as number);
    pending.catch(() => this.#byId.delete(id));
    return pending;
  }

  /** `version` a number or `latest`. @throws RegistryError (40401 subject, 40402 version not found, …). */
  async subjectVersion(subject: string, version: number | 'latest'): Promise<RegistrySchema> {
    const body = await this.#get(`/subjects/${encodeURIComponent(subject)}/versions/${version}`);
    return toSchema(body, {});
  }

  async #get(path: string): Promise<unknown> {
    const missing = this.#missing.get(path);
    if (missing && missing.until > Date.now()) throw missing.error;
    const { status, body } = await this.#request(path);
    if (status >= 200 && status < 300) return body;
    const error = registryError(this.url, path, status, body);
    // Only the registry's own "not found" (with an error_code) is remembered; a proxy's 404 is not.
    if (status === 404 && error.errorCode !== null)
      this.#missing.set(path, { error, until: Date.now() + NEGATIVE_TTL_MS });
    throw error;
  }

  async #request(path: string): Promise<{ status: number; body: unknown }> {
    const url = `${this.url}${path}`;
    const headers: Record<string, string> = { accept: ACCEPT };
    const { username, password, token, ca } = this.#connection;
    if (token) headers.authorization = `Bearer ${token}`;
    else if (username !== undefined)
      headers.authorization = `Basic ${Buffer.from(`${username}:${password ?? ''}`).toString('base64')}`;
    try {
      if (ca && url.startsWith('https:')) return await this.#requestWithCa(url, headers, ca);
      const response = await fetch(url, { headers, signal: AbortSignal.timeout(this.#timeoutMs) });
      const text = await response.text();
      return { status: response.status, body: parseBody(text) };
    } catch (error) {
      if (error instanceof RegistryError) throw error;
      const reason =
        (error as Error).name === 'TimeoutError'
          ? `gave no answer within ${this.#timeoutMs} ms`
          : `could not be reached (${((error as Error).cause as Error | undefined)?.message ?? (error as Error).message})`;
      throw new RegistryError(`the schema registry at ${this.url} ${reason}`, 0, null);
    }
  }

  #requestWithCa(
    url: string,
    headers: Record<string, string>,
    ca: string,
  ): Promise<{ status: number; body: unknown }> {
    return new Promise((resolve, reject) => {
      const req = httpsRequest(url, { headers, ca, timeout: this.#timeoutMs }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: parseBody(Buffer.concat(chunks).toString('utf8')) }),
        );
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { name: 'TimeoutError' })));
      req.on('error', reject);
      req.end();
    });
  }
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function toSchema(body: unknown, known: { id?: number }): RegistrySchema {
  const b = body as Partial<RegistrySchema> & { schemaType?: string };
  if (typeof b?.schema !== 'string')
    throw new RegistryError(
      typeof body === 'string'
        ? "the schema registry answered with something that is not JSON; check that the URL is the registry's base URL"
        : 'the schema registry answered without a schema',
      200,
      null,
    );
  if (b.schemaType !== undefined && !['AVRO', 'PROTOBUF', 'JSON'].includes(b.schemaType))
    throw new RegistryError(
      `the registry gave a schema of type ${b.schemaType}, which Weir cannot read (it reads AVRO, PROTOBUF and JSON)`,
      200,
      null,
    );
  const schemaType = b.schemaType === 'PROTOBUF' || b.schemaType === 'JSON' ? b.schemaType : 'AVRO';
  return {
    id: typeof b.id === 'number' ? b.id : (known.id ?? -1),
    schemaType,
    schema: b.schema,
    references: Array.isArray(b.references) ? b.references : [],
    subject: b.subject,
    version: b.version,
  };
}

/** The registry's error in words, with its error code (40403 schema not found, 40401 subject not found, …). */
function registryError(url: string, path: string, status: number, body: unknown): RegistryError {
  const b = body as { error_code?: number; message?: string } | undefined;
  const code = typeof b?.error_code === 'number' ? b.error_code : null;
  const said = code !== null ? ` (error ${code}: ${b?.message ?? ''})` : '';
  if (status === 401 || status === 403)
    return new RegistryError(
      `the schema registry at ${url} refused Weir's credentials (HTTP ${status}${said}); check the registry username, password or token in the cluster's settings`,
      status,
      code,
    );
  if (code === null)
    return new RegistryError(
      `${url} answered HTTP ${status} to GET ${path} without a schema registry's error body${typeof body === 'string' && body.trim().startsWith('<') ? ' (it sent HTML)' : ''}; check that the URL is the registry's base URL`,
      status,
      null,
    );
  const idMatch = /^\/schemas\/ids\/(\d+)$/.exec(path);
  if (status === 404 && idMatch)
    return new RegistryError(`schema id ${idMatch[1]} is not in the registry at ${url}${said}`, status, code);
  if (status === 404)
    return new RegistryError(`the registry at ${url} has no ${path.slice(1)}${said}`, status, code);
  return new RegistryError(
    `the schema registry at ${url} answered HTTP ${status} to GET ${path}${said}`,
    status,
    code,
  );
}
