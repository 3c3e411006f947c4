export type KafkaErrorKind =
  | 'unreachable'
  | 'timeout'
  | 'authentication'
  | 'authorization'
  | 'tls'
  | 'protocol'
  | 'unsupported'
  | 'not-found'
  | 'invalid'
  | 'conflict';

/** Where a Kafka call failed: enough for an operator to find the broker, topic or partition. */
export interface KafkaErrorCoordinates {
  api: string;
  broker?: string;
  topic?: string;
  partition?: number;
  /** Kafka's numeric error code and name, when the broker answered with one. */
  code?: number;
  codeName?: string;
}

/** Every failure the gateway reports: a kind to branch on, coordinates, and a message saying what to do. */
export class KafkaGatewayError extends Error {
  readonly kind: KafkaErrorKind;
  readonly coordinates: KafkaErrorCoordinates;

  constructor(
    kind: KafkaErrorKind,
    message: string,
    coordinates: KafkaErrorCoordinates,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'KafkaGatewayError';
    this.kind = kind;
    this.coordinates = coordinates;
  }
}

interface LibraryError {
  code?: string;
  /** The decoded answer that held the error codes (the library's ResponseError). */
  response?: unknown;
  message?: string;
  cause?: unknown;
  errors?: unknown[];
  apiCode?: number;
  apiId?: string;
  serverErrorMessage?: string | null;
}

/** Kafka's answers that mean the request itself was wrong: the caller can fix and retry. */
const INVALID_REQUEST_CODES = new Set([
  'INVALID_TOPIC_EXCEPTION',
  'INVALID_PARTITIONS',
  'INVALID_REPLICATION_FACTOR',
  'INVALID_REPLICA_ASSIGNMENT',
  'INVALID_CONFIG',
  'INVALID_REQUEST',
  'POLICY_VIOLATION',
  'MESSAGE_TOO_LARGE',
  'RECORD_LIST_TOO_LARGE',
  'OFFSET_OUT_OF_RANGE',
  'INVALID_RECORD',
  'INVALID_TIMESTAMP',
  'ELECTION_NOT_NEEDED',
  'ELIGIBLE_LEADERS_NOT_AVAILABLE',
  'PREFERRED_LEADER_NOT_AVAILABLE',
  'NO_REASSIGNMENT_IN_PROGRESS',
]);
/** Answers that mean the target's current state forbids it now. */
const CONFLICT_CODES = new Set([
  'TOPIC_ALREADY_EXISTS',
  'NON_EMPTY_GROUP',
  'REASSIGNMENT_IN_PROGRESS',
  'GROUP_SUBSCRIBED_TO_TOPIC',
  'UNKNOWN_MEMBER_ID',
  'ILLEGAL_GENERATION',
  'REBALANCE_IN_PROGRESS',
  'TOPIC_DELETION_DISABLED',
]);

/** Collects an error with its causes and aggregated errors, so the root cause can be recognised. */
export function errorChain(error: unknown): LibraryError[] {
  const seen: LibraryError[] = [];
  const visit = (value: unknown) => {
    if (!value || typeof value !== 'object' || seen.includes(value as LibraryError) || seen.length > 20)
      return;
    const current = value as LibraryError;
    seen.push(current);
    visit(current.cause);
    for (const inner of current.errors ?? []) visit(inner);
  };
  visit(error);
  return seen;
}

const has = (errors: LibraryError[], pattern: RegExp) =>
  errors.some((e) => pattern.test(`${e.code ?? ''} ${e.message ?? ''} ${e.apiId ?? ''}`));

/**
 * Turns whatever the client library threw into a KafkaGatewayError with a message that says what
 * to fix. `context` names the API and target so the coordinates survive.
 */
export function toGatewayError(
  error: unknown,
  context: KafkaErrorCoordinates & { bootstrap?: string[]; username?: string; mechanism?: string },
): KafkaGatewayError {
  if (error instanceof KafkaGatewayError) return error;
  const errors = errorChain(error);
  // The broker's own words beat the library's wrappers ("… failed.", "Received response with error …").
  const answered = errors.find((e) => e.apiId !== undefined);
  const detail = answered
    ? `${answered.apiId}${answered.serverErrorMessage ? `: ${answered.serverErrorMessage}` : ''}`
    : (errors.map((e) => e.message).find((m) => m && !m.startsWith('Received response')) ?? String(error));
  const where = context.broker ?? context.bootstrap?.join(', ') ?? 'the cluster';
  const coordinates: KafkaErrorCoordinates = {
    api: context.api,
    broker: context.broker,
    topic: context.topic,
    partition: context.partition,
  };
  const apiCode = errors.find((e) => typeof e.apiCode === 'number')?.apiCode;
  if (apiCode !== undefined) coordinates.code = apiCode;

  // A PLAINTEXT or SSL listener answers SaslHandshake with ILLEGAL_SASL_STATE: the client already
  // counts as authenticated there (Kafka's KafkaApis.handleSaslHandshakeRequest), so no credentials
  // were checked and none are wrong. The same code on a later request means the SASL exchange did not
  // end: an OAUTHBEARER broker that refused the token sends an error challenge and waits (KIP-255),
  // so that is a refused credential, handled below.
  if (has(errors, /ILLEGAL_SASL_STATE/) && has(errors, /SaslHandshake/)) {
    return new KafkaGatewayError(
      'authentication',
      `The listener at ${where} does not speak SASL (it answered the SASL handshake with ILLEGAL_SASL_STATE), so it is a PLAINTEXT or SSL listener: use security protocol PLAINTEXT or SSL there, or point the bootstrap address at the port of the broker's SASL_PLAINTEXT or SASL_SSL listener.`,
      coordinates,
      { cause: error },
    );
  }
  if (has(errors, /AUTHENTICATION|SASL_AUTHENTICATION_FAILED|Authentication failed|ILLEGAL_SASL_STATE/i)) {
    const who = context.username ? ` for user ${context.username}` : '';
    const how = context.mechanism ? ` with ${context.mechanism}` : '';
    const fix =
      context.mechanism === 'OAUTHBEARER'
        ? 'check that the token is valid, not expired, and accepted by the broker'
        : 'check the username, password and SASL mechanism';
    return new KafkaGatewayError(
      'authentication',
      `Authentication failed${who}${how} at ${where}: ${fix} (${detail}).`,

      coordinates,
      { cause: error },
    );
  }
  if (has(errors, /UNSUPPORTED_SASL_MECHANISM/i)) {
    return new KafkaGatewayError(
      'authentication',
      `The broker at ${where} does not accept the SASL mechanism ${context.mechanism ?? ''}: choose one it enables (${detail}).`,
      coordinates,
      { cause: error },
    );
  }
  if (has(errors, /AUTHORIZATION_FAILED|not authorized/i)) {
    return new KafkaGatewayError(
      'authorization',
      `The cluster refused ${context.api}${context.topic ? ` on topic ${context.topic}` : ''}: the user lacks an ACL for it (${detail}).`,
      coordinates,
      { cause: error },
    );
  }
  const refusal = errors.find(
    (e) => e.apiId !== undefined && (INVALID_REQUEST_CODES.has(e.apiId) || CONFLICT_CODES.has(e.apiId)),
  );
  if (refusal?.apiId) {
    coordinates.codeName = refusal.apiId;
    const reason = refusal.serverErrorMessage || refusal.message || refusal.apiId;
    return new KafkaGatewayError(
      CONFLICT_CODES.has(refusal.apiId) ? 'conflict' : 'invalid',
      `${context.api}${context.topic ? ` on ${context.topic}` : ''} was refused by Kafka (${refusal.apiId}): ${reason}`,
      coordinates,
      { cause: error },
    );
  }
  if (has(errors, /certificate|self[- ]signed|SSL|TLS|EPROTO|ERR_SSL|CERT_/i)) {
    return new KafkaGatewayError(
      'tls',
      `TLS handshake with ${where} failed: check the CA certificate, client certificate and hostname verification (${detail}).`,
      coordinates,
      { cause: error },
    );
  }
  if (has(errors, /TIMEOUT|timed out|ETIMEDOUT/i)) {
    return new KafkaGatewayError(
      'timeout',
      `${where} did not answer ${context.api} in time: the broker may be overloaded, or the address points at something that is not Kafka (${detail}).`,
      coordinates,
      { cause: error },
    );
  }
  if (has(errors, /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ECONNRESET|EAI_AGAIN|NETWORK|Connection closed/i)) {
    // A SASL or TLS listener closes a connection whose first bytes are a plain Kafka request.
    const closed = has(errors, /Connection closed|ECONNRESET/i)
      ? '; a broker also closes the connection when its listener expects SASL or TLS and the client did not start it, so check the security protocol'
      : '';
    return new KafkaGatewayError(
      'unreachable',
      `Could not connect to ${where}: check the bootstrap address and that the broker is running and reachable${closed} (${detail}).`,
      coordinates,
      { cause: error },
    );
  }
  if (has(errors, /UNSUPPORTED_VERSION|UNSUPPORTED_API|PLT_KFK_UNSUPPORTED/i)) {
    return new KafkaGatewayError(
      'unsupported',
      `${context.api} is not supported by ${where} (${detail}).`,
      coordinates,
      {
        cause: error,
      },
    );
  }
  if (has(errors, /UNKNOWN_TOPIC_OR_PARTITION|GROUP_ID_NOT_FOUND|does not exist/i)) {
    return new KafkaGatewayError('not-found', `${detail}.`, coordinates, { cause: error });
  }
  return new KafkaGatewayError('protocol', `${context.api} failed at ${where}: ${detail}.`, coordinates, {
    cause: error,
  });
}

/**
 * Whether a failure was a silent broker rather than an unreachable one: it came after the client's
 * request timeout had (nearly) passed, and no socket error refused the connection. A stopped JVM keeps
 * its listener open, so the kernel still accepts connections; the client library then times the
 * request out, closes the connection and reports "Connection closed" or "Cannot connect to any
 * broker", which would otherwise read as a wrong address or security protocol.
 * @param waitedMs how long the request had been waiting when it failed, ms
 * @param timeoutMs the request timeout it was given, ms
 */
export function failedSilently(error: unknown, waitedMs: number, timeoutMs: number): boolean {
  if (waitedMs < timeoutMs * 0.9) return false;
  const errors = errorChain(error);
  if (has(errors, /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|EAI_AGAIN|certificate|SSL|TLS|SASL|AUTHENTICATION/i))
    return false;
  return has(errors, /Connection closed|Cannot connect|ECONNRESET|TIMEOUT|timed out/i);
}

/**
 * Kafka's error codes found anywhere in what the client library threw (its causes and aggregated
 * errors included) or in a KafkaGatewayError's coordinates.
 */
export function kafkaErrorCodes(error: unknown): number[] {
  const codes = errorChain(error).flatMap((e) => (typeof e.apiCode === 'number' ? [e.apiCode] : []));
  if (error instanceof KafkaGatewayError && error.coordinates.code !== undefined)
    codes.push(error.coordinates.code);
  return codes;
}
