import type { BaseOptions } from '@platformatic/kafka';

export type SecurityProtocol = 'PLAINTEXT' | 'SSL' | 'SASL_PLAINTEXT' | 'SASL_SSL';
export type SaslMechanism = 'PLAIN' | 'SCRAM-SHA-256' | 'SCRAM-SHA-512' | 'OAUTHBEARER';

/** How to reach one cluster: everything the gateway needs, secrets in clear (never persisted here). */
export interface ClusterConnection {
  bootstrapServers: string[];
  clientId?: string;
  securityProtocol?: SecurityProtocol;
  sasl?: { mechanism: SaslMechanism; username?: string; password?: string; token?: string };
  tls?: { ca?: string; cert?: string; key?: string; verifyHostname?: boolean };
  /** Per request; default 10 s. */
  requestTimeoutMs?: number;
  /** Per TCP connection attempt; default 5 s. */
  connectTimeoutMs?: number;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;

/** Translates our connection settings into the client library's options. */
export function toClientOptions(connection: ClusterConnection): BaseOptions {
  const protocol = connection.securityProtocol ?? 'PLAINTEXT';
  const usesTls = protocol === 'SSL' || protocol === 'SASL_SSL';
  const usesSasl = protocol === 'SASL_PLAINTEXT' || protocol === 'SASL_SSL';
  const options: BaseOptions = {
    clientId: connection.clientId ?? 'weir',
    bootstrapBrokers: connection.bootstrapServers,
    connectTimeout: connection.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    requestTimeout: connection.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    timeout: connection.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    // Weir reports failures to a person; retrying a refused connection only delays that report.
    retries: 0,
    // Weir reads metadata and must never create a topic by asking about it.
    autocreateTopics: false,
  };
  if (usesTls) {
    const tls = connection.tls ?? {};
    options.tls = {
      ca: tls.ca,
      cert: tls.cert,
      key: tls.key,
      rejectUnauthorized: true,
      ...(tls.verifyHostname === false ? { checkServerIdentity: () => undefined } : {}),
    };
  }
  if (usesSasl && connection.sasl) {
    options.sasl = {
      mechanism: connection.sasl.mechanism,
      username: connection.sasl.username,
      password: connection.sasl.password,
      token: connection.sasl.token,
    };
  }
  return options;
}
