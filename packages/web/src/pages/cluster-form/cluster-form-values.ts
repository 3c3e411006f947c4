import type { Cluster, ClusterInput, SaslMechanism, SecurityProtocol } from '../../api/clusters.ts';

export const securityProtocols: SecurityProtocol[] = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'];
export const saslMechanisms: SaslMechanism[] = ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512', 'OAUTHBEARER'];

type MetricsEndpoint = ClusterInput['metricsEndpoints'] extends (infer E)[] | undefined ? E : never;

/** What the cluster form holds: every field of ClusterInput, lists as typed, secrets write-only. */
export interface FormValues {
  name: string;
  bootstrap: string;
  securityProtocol: SecurityProtocol;
  mechanism?: SaslMechanism;
  username?: string;
  /** The password, or the token when the mechanism is OAUTHBEARER. */
  password?: string;
  tlsCa?: string;
  tlsCert?: string;
  /** The client key; blank keeps the stored one. */
  tlsKey?: string;
  tlsVerifyHostname?: boolean;
  zookeeperConnect?: string;
  tags?: string[];
  description?: string;
  metricsEndpoints?: { type: MetricsEndpoint['type']; url: string; brokerId?: number | null }[];
  connectUrls?: string[];
  registryUrl?: string;
  registryUsername?: string;
  /** Blank keeps the stored one, as do the token and the TLS key. */
  registryPassword?: string;
  registryToken?: string;
  registryCa?: string;
}

/** A new cluster's starting values. */
export const newClusterValues: Partial<FormValues> = {
  securityProtocol: 'PLAINTEXT',
  mechanism: 'SCRAM-SHA-512',
  tlsVerifyHostname: true,
  metricsEndpoints: [],
  connectUrls: [],
};

const text = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/** The form's values as the API's ClusterInput; empty optional fields are left out, not sent blank. */
export function toInput(values: FormValues): ClusterInput {
  const input: ClusterInput = {
    name: values.name?.trim() || 'connection-test',
    bootstrapServers: values.bootstrap.split(/[,\s]+/).filter(Boolean),
    securityProtocol: values.securityProtocol,
    tags: values.tags ?? [],
    description: values.description ?? '',
    metricsEndpoints: (values.metricsEndpoints ?? []).map(({ type, url, brokerId }) => ({
      type,
      url: url.trim(),
      ...(brokerId === null || brokerId === undefined ? {} : { brokerId }),
    })),
    connectUrls: values.connectUrls ?? [],
  };
  if (values.securityProtocol.startsWith('SASL_') && values.mechanism) {
    input.sasl =
      values.mechanism === 'OAUTHBEARER'
        ? { mechanism: values.mechanism, token: values.password }
        : { mechanism: values.mechanism, username: values.username, password: values.password };
  }
  if (values.securityProtocol.endsWith('SSL')) {
    const [ca, cert, key] = [text(values.tlsCa), text(values.tlsCert), text(values.tlsKey)];
    input.tls = {
      ...(ca ? { ca } : {}),
      ...(cert ? { cert } : {}),
      ...(key ? { key } : {}),
      verifyHostname: values.tlsVerifyHostname ?? true,
    };
  }
  const zookeeper = text(values.zookeeperConnect);
  if (zookeeper) input.zookeeperConnect = zookeeper;
  const registryUrl = text(values.registryUrl);
  if (registryUrl) {
    const [username, password, token, ca] = [
      text(values.registryUsername),
      text(values.registryPassword),
      text(values.registryToken),
      text(values.registryCa),
    ];
    input.schemaRegistry = {
      url: registryUrl,
      ...(username ? { username } : {}),
      ...(password ? { password } : {}),
      ...(token ? { token } : {}),
      ...(ca ? { ca } : {}),
    };
  }
  return input;
}

/** The form's starting values for an existing cluster; secrets stay empty (blank keeps the stored one). */
export function valuesOf(cluster: Cluster): FormValues {
  return {
    name: cluster.name,
    bootstrap: cluster.bootstrapServers.join(','),
    securityProtocol: cluster.securityProtocol,
    mechanism: cluster.sasl?.mechanism ?? 'SCRAM-SHA-512',
    username: cluster.sasl?.username,
    tlsCa: cluster.tls?.ca,
    tlsCert: cluster.tls?.cert,
    tlsVerifyHostname: cluster.tls?.verifyHostname ?? true,
    zookeeperConnect: cluster.zookeeperConnect,
    tags: cluster.tags,
    description: cluster.description,
    metricsEndpoints: cluster.metricsEndpoints,
    connectUrls: cluster.connectUrls,
    registryUrl: cluster.schemaRegistry?.url,
    registryUsername: cluster.schemaRegistry?.username,
    registryCa: cluster.schemaRegistry?.ca,
  };
}
