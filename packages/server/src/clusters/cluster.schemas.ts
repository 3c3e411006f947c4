import { type Static, Type } from '@sinclair/typebox';
import { noControlCharacters } from '../http/schemas.ts';

const httpUrl = {
  pattern: '^https?://',
  'x-rule': 'use an http:// or https:// URL, e.g. http://connect1:8083',
};

export const SECURITY_PROTOCOLS = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'] as const;
export const SASL_MECHANISMS = ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512', 'OAUTHBEARER'] as const;

const SaslInput = Type.Object(
  {
    mechanism: Type.Union(SASL_MECHANISMS.map((m) => Type.Literal(m))),
    username: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
    password: Type.Optional(Type.String({ minLength: 1, maxLength: 4096, description: 'Write-only' })),
    token: Type.Optional(
      Type.String({ minLength: 1, maxLength: 16384, description: 'OAUTHBEARER token; write-only' }),
    ),
  },
  { additionalProperties: false },
);

const Pem = (description: string) => Type.String({ minLength: 1, maxLength: 65536, description });

const TlsInput = Type.Object(
  {
    ca: Type.Optional(Pem('CA certificate(s), PEM')),
    cert: Type.Optional(Pem('Client certificate, PEM')),
    key: Type.Optional(Pem('Client private key, PEM; write-only')),
    verifyHostname: Type.Boolean({ default: true }),
  },
  { additionalProperties: false },
);

const MetricsEndpoint = Type.Object(
  {
    type: Type.Union([Type.Literal('prometheus'), Type.Literal('jolokia')]),
    url: Type.String({ format: 'uri', ...httpUrl, maxLength: 2048 }),
    brokerId: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);

/** What a user submits to add or replace a cluster. Secrets left out on update keep their stored value. */
export const ClusterInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, ...noControlCharacters }),
    description: Type.String({ maxLength: 2000, default: '' }),
    tags: Type.Array(Type.String({ minLength: 1, maxLength: 50, ...noControlCharacters }), {
      maxItems: 20,
      uniqueItems: true,
      default: [],
    }),
    // Checked in full by @weir/kafka's parseHostPort, which says what is wrong with each address.
    bootstrapServers: Type.Array(Type.String({ minLength: 1, maxLength: 300 }), {
      minItems: 1,
      maxItems: 50,
      description: 'host:port of one or more brokers; IPv6 in brackets, e.g. [::1]:9092',
    }),
    securityProtocol: Type.Union(
      SECURITY_PROTOCOLS.map((p) => Type.Literal(p)),
      { default: 'PLAINTEXT' },
    ),
    sasl: Type.Optional(SaslInput),
    tls: Type.Optional(TlsInput),
    zookeeperConnect: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 1000,
        description: 'host[:port][,host[:port]…][/chroot], e.g. zk1:2181,zk2:2181/kafka',
      }),
    ),
    metricsEndpoints: Type.Array(MetricsEndpoint, { maxItems: 500, default: [] }),
    connectUrls: Type.Array(Type.String({ format: 'uri', ...httpUrl, maxLength: 2048 }), {
      maxItems: 20,
      default: [],
    }),
  },
  { additionalProperties: false },
);
export type ClusterInput = Static<typeof ClusterInput>;

/** A cluster as the API returns it: never a secret, only whether one is stored. */
export const ClusterView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  tags: Type.Array(Type.String()),
  bootstrapServers: Type.Array(Type.String()),
  securityProtocol: Type.String(),
  sasl: Type.Optional(
    Type.Object({
      mechanism: Type.String(),
      username: Type.Optional(Type.String()),
      hasPassword: Type.Boolean(),
      hasToken: Type.Boolean(),
    }),
  ),
  tls: Type.Optional(
    Type.Object({
      ca: Type.Optional(Type.String()),
      cert: Type.Optional(Type.String()),
      hasKey: Type.Boolean(),
      verifyHostname: Type.Boolean(),
    }),
  ),
  zookeeperConnect: Type.Optional(Type.String()),
  metricsEndpoints: Type.Array(MetricsEndpoint),
  connectUrls: Type.Array(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type ClusterView = Static<typeof ClusterView>;
