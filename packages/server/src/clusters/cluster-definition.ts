import type { ResolvedClusterInput as ClusterInput, ClusterView } from '@weir/api';
import { type ClusterConnection, parseHostPort, parseZooKeeperConnect } from '@weir/kafka';
import type { SchemaRegistryConnection } from '@weir/plugin-sdk';

/** What is stored in clear: everything but the secrets. */
export interface ClusterDefinition {
  description: string;
  tags: string[];
  bootstrapServers: string[];
  securityProtocol: ClusterInput['securityProtocol'];
  sasl?: { mechanism: NonNullable<ClusterInput['sasl']>['mechanism']; username?: string };
  tls?: { ca?: string; cert?: string; verifyHostname: boolean };
  zookeeperConnect?: string;
  metricsEndpoints: ClusterInput['metricsEndpoints'];
  connectUrls: string[];
  schemaRegistry?: { url: string; username?: string; ca?: string };
}

/** Sealed together in one value by the secret box. */
export interface ClusterSecrets {
  saslPassword?: string;
  saslToken?: string;
  tlsKey?: string;
  registryPassword?: string;
  registryToken?: string;
}

export interface StoredCluster {
  id: string;
  name: string;
  definition: ClusterDefinition;
  secrets: ClusterSecrets;
  createdAt: number;
  updatedAt: number;
}

/** Splits submitted input into the clear definition and the secrets; `previous` fills secrets left out. */
export function splitInput(
  input: ClusterInput,
  previous?: ClusterSecrets,
): { name: string; definition: ClusterDefinition; secrets: ClusterSecrets } {
  const secrets: ClusterSecrets = {};
  const saslPassword = input.sasl?.password ?? previous?.saslPassword;
  const saslToken = input.sasl?.token ?? previous?.saslToken;
  const tlsKey = input.tls?.key ?? previous?.tlsKey;
  if (input.sasl && saslPassword !== undefined) secrets.saslPassword = saslPassword;
  if (input.sasl && saslToken !== undefined) secrets.saslToken = saslToken;
  if (input.tls && tlsKey !== undefined) secrets.tlsKey = tlsKey;
  const registryPassword = input.schemaRegistry?.password ?? previous?.registryPassword;
  const registryToken = input.schemaRegistry?.token ?? previous?.registryToken;
  if (input.schemaRegistry && registryPassword !== undefined) secrets.registryPassword = registryPassword;
  if (input.schemaRegistry && registryToken !== undefined) secrets.registryToken = registryToken;
  const definition: ClusterDefinition = {
    description: input.description,
    tags: input.tags,
    bootstrapServers: input.bootstrapServers,
    securityProtocol: input.securityProtocol,
    metricsEndpoints: input.metricsEndpoints,
    connectUrls: input.connectUrls,
  };
  if (input.sasl) definition.sasl = { mechanism: input.sasl.mechanism, username: input.sasl.username };
  if (input.tls)
    definition.tls = { ca: input.tls.ca, cert: input.tls.cert, verifyHostname: input.tls.verifyHostname };
  if (input.zookeeperConnect) definition.zookeeperConnect = input.zookeeperConnect;
  if (input.schemaRegistry)
    definition.schemaRegistry = {
      url: input.schemaRegistry.url,
      username: input.schemaRegistry.username,
      ca: input.schemaRegistry.ca,
    };
  return { name: input.name.trim(), definition, secrets };
}

export function toConnection(
  definition: ClusterDefinition,
  secrets: ClusterSecrets,
  clientId = 'weir',
): ClusterConnection {
  const connection: ClusterConnection = {
    clientId,
    bootstrapServers: definition.bootstrapServers,
    securityProtocol: definition.securityProtocol,
  };
  if (definition.sasl) {
    connection.sasl = {
      mechanism: definition.sasl.mechanism,
      username: definition.sasl.username,
      password: secrets.saslPassword,
      token: secrets.saslToken,
    };
  }
  if (definition.tls) connection.tls = { ...definition.tls, key: secrets.tlsKey };
  return connection;
}

export function toView(cluster: StoredCluster): ClusterView {
  const { definition, secrets } = cluster;
  const view: ClusterView = {
    id: cluster.id,
    name: cluster.name,
    description: definition.description,
    tags: definition.tags,
    bootstrapServers: definition.bootstrapServers,
    securityProtocol: definition.securityProtocol,
    metricsEndpoints: definition.metricsEndpoints,
    connectUrls: definition.connectUrls,
    createdAt: new Date(cluster.createdAt).toISOString(),
    updatedAt: new Date(cluster.updatedAt).toISOString(),
  };
  if (definition.sasl) {
    view.sasl = {
      mechanism: definition.sasl.mechanism,
      username: definition.sasl.username,
      hasPassword: secrets.saslPassword !== undefined,
      hasToken: secrets.saslToken !== undefined,
    };
  }
  if (definition.tls) view.tls = { ...definition.tls, hasKey: secrets.tlsKey !== undefined };
  if (definition.zookeeperConnect) view.zookeeperConnect = definition.zookeeperConnect;
  if (definition.schemaRegistry)
    view.schemaRegistry = {
      ...definition.schemaRegistry,
      hasPassword: secrets.registryPassword !== undefined,
      hasToken: secrets.registryToken !== undefined,
    };
  return view;
}

/** Rules that span fields, beyond what the schema checks; each problem names its field and the fix. */
export function crossFieldProblems(definition: ClusterDefinition, secrets: ClusterSecrets): string[] {
  const problems = addressProblems(definition);
  const usesSasl = definition.securityProtocol.startsWith('SASL_');
  const usesTls = definition.securityProtocol === 'SSL' || definition.securityProtocol === 'SASL_SSL';
  if (usesSasl && !definition.sasl) {
    problems.push(`body.sasl: ${definition.securityProtocol} needs a SASL mechanism and credentials.`);
  }
  if (!usesSasl && definition.sasl) {
    problems.push(
      `body.sasl: only used with SASL_PLAINTEXT or SASL_SSL; remove it or change securityProtocol.`,
    );
  }
  if (!usesTls && definition.tls) {
    problems.push(`body.tls: only used with SSL or SASL_SSL; remove it or change securityProtocol.`);
  }
  if (definition.sasl) {
    if (definition.sasl.mechanism === 'OAUTHBEARER') {
      if (secrets.saslToken === undefined) problems.push('body.sasl.token: OAUTHBEARER needs a token.');
    } else {
      if (!definition.sasl.username)
        problems.push(`body.sasl.username: ${definition.sasl.mechanism} needs a username.`);
      if (secrets.saslPassword === undefined)
        problems.push(`body.sasl.password: ${definition.sasl.mechanism} needs a password.`);
    }
  }
  if (definition.schemaRegistry && hasUserInfo(definition.schemaRegistry.url))
    problems.push(
      'body.schemaRegistry.url: holds a username or password, which would be stored and shown in clear; give them as schemaRegistry.username and schemaRegistry.password, which Weir seals.',
    );
  if (definition.schemaRegistry?.username && secrets.registryPassword === undefined)
    problems.push('body.schemaRegistry.password: basic auth needs the password with the username.');
  if (secrets.registryPassword !== undefined && !definition.schemaRegistry?.username)
    problems.push('body.schemaRegistry.username: a password needs the username it belongs to.');
  if (secrets.registryPassword !== undefined && secrets.registryToken !== undefined)
    problems.push('body.schemaRegistry.token: use basic auth or a bearer token, not both.');
  if (definition.tls?.cert && secrets.tlsKey === undefined)
    problems.push('body.tls.key: a client certificate needs its private key.');
  if (secrets.tlsKey !== undefined && !definition.tls?.cert)
    problems.push('body.tls.cert: a private key needs its client certificate.');
  return problems;
}

/** Whether a URL carries credentials (`http://user:pass@host`). */
function hasUserInfo(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.username !== '' || parsed.password !== '';
  } catch {
    return false;
  }
}

/** Each bootstrap address and the ZooKeeper connect string, checked in full (ports 1–65535, IPv6 in brackets). */
function addressProblems(definition: ClusterDefinition): string[] {
  const problems: string[] = [];
  for (const [index, address] of definition.bootstrapServers.entries()) {
    const parsed = parseHostPort(address);
    if ('problem' in parsed) problems.push(`body.bootstrapServers[${index}]: ${parsed.problem}.`);
  }
  if (definition.zookeeperConnect !== undefined) {
    const parsed = parseZooKeeperConnect(definition.zookeeperConnect);
    if ('problems' in parsed)
      for (const problem of parsed.problems) problems.push(`body.zookeeperConnect: ${problem}.`);
  }
  return problems;
}

/** The cluster's schema registry with its secrets, as serdes are given it; undefined when it has none. */
export function toRegistryConnection(cluster: StoredCluster): SchemaRegistryConnection | undefined {
  const registry = cluster.definition.schemaRegistry;
  if (!registry) return undefined;
  return {
    url: registry.url,
    username: registry.username,
    ca: registry.ca,
    password: cluster.secrets.registryPassword,
    token: cluster.secrets.registryToken,
  };
}
