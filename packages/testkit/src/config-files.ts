import type { KafkaRelease } from './versions.ts';

export interface SaslUser {
  username: string;
  password: string;
}

/** Users every SASL listener knows, for PLAIN and both SCRAM mechanisms. */
export const DEFAULT_SASL_USERS: readonly SaslUser[] = [
  { username: 'admin', password: 'admin-secret' },
  { username: 'alice', password: 'alice-secret' },
];

export const SCRAM_MECHANISMS = ['SCRAM-SHA-256', 'SCRAM-SHA-512'] as const;

export interface NodePorts {
  nodeId: number;
  plaintext: number;
  controller?: number;
  sasl?: number;
  ssl?: number;
  /** A second PLAINTEXT listener, on ::1. */
  ipv6?: number;
}

const lines = (entries: Record<string, string | number>) =>
  `${Object.entries(entries)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n')}\n`;

function listenerSettings(node: NodePorts, withController: boolean): Record<string, string> {
  const listeners = [`PLAINTEXT://127.0.0.1:${node.plaintext}`];
  const advertised = [`PLAINTEXT://127.0.0.1:${node.plaintext}`];
  if (withController) listeners.push(`CONTROLLER://127.0.0.1:${node.controller}`);
  if (node.sasl !== undefined) {
    listeners.push(`SASL_PLAINTEXT://127.0.0.1:${node.sasl}`);
    advertised.push(`SASL_PLAINTEXT://127.0.0.1:${node.sasl}`);
  }
  if (node.ssl !== undefined) {
    listeners.push(`SSL://127.0.0.1:${node.ssl}`);
    advertised.push(`SSL://127.0.0.1:${node.ssl}`);
  }
  if (node.ipv6 !== undefined) {
    listeners.push(`IPV6://[::1]:${node.ipv6}`);
    advertised.push(`IPV6://[::1]:${node.ipv6}`);
  }
  return {
    listeners: listeners.join(','),
    'advertised.listeners': advertised.join(','),
    'inter.broker.listener.name': 'PLAINTEXT',
    'listener.security.protocol.map':
      'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,SSL:SSL,IPV6:PLAINTEXT',
  };
}

function saslSettings(users: readonly SaslUser[]): Record<string, string> {
  const plainUsers = users.map((u) => `user_${u.username}="${u.password}"`).join(' ');
  return {
    'sasl.enabled.mechanisms': ['PLAIN', ...SCRAM_MECHANISMS, 'OAUTHBEARER'].join(','),
    // Kafka's default OAUTHBEARER validator accepts unsigned (alg "none") tokens: for tests only.
    'listener.name.sasl_plaintext.oauthbearer.sasl.jaas.config':
      'org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;',

    'listener.name.sasl_plaintext.plain.sasl.jaas.config': `org.apache.kafka.common.security.plain.PlainLoginModule required ${plainUsers};`,
    'listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config':
      'org.apache.kafka.common.security.scram.ScramLoginModule required;',
    'listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config':
      'org.apache.kafka.common.security.scram.ScramLoginModule required;',
  };
}

function replicationSettings(release: KafkaRelease, brokerCount: number): Record<string, string | number> {
  const settings: Record<string, string | number> = {
    'offsets.topic.replication.factor': brokerCount,
    'offsets.topic.num.partitions': 4,
    'transaction.state.log.replication.factor': brokerCount,
    'transaction.state.log.min.isr': 1,
    'transaction.state.log.num.partitions': 4,
    'group.initial.rebalance.delay.ms': 0,
    'num.partitions': 1,
  };
  if (release.version.startsWith('4.')) {
    settings['share.coordinator.state.topic.replication.factor'] = brokerCount;
    settings['share.coordinator.state.topic.min.isr'] = 1;
  }
  return settings;
}

/** A KRaft node that is both broker and controller (every node votes, so any one can stop). */
export function kraftNodeProperties(options: {
  release: KafkaRelease;
  node: NodePorts;
  voters: NodePorts[];
  logDir: string;
  saslUsers?: readonly SaslUser[];
  authorizer?: boolean;
  /** PEM keystore for an SSL listener (when the node has an `ssl` port). */
  tlsKeystore?: { path: string; keyPassword: string };
  /** Settings added last, overriding the harness's own. */
  extra?: Record<string, string | number>;
}): string {
  return lines({
    'process.roles': 'broker,controller',
    'node.id': options.node.nodeId,
    'controller.quorum.voters': options.voters.map((v) => `${v.nodeId}@127.0.0.1:${v.controller}`).join(','),
    'controller.listener.names': 'CONTROLLER',
    ...listenerSettings(options.node, true),
    'log.dirs': options.logDir,
    ...replicationSettings(options.release, options.voters.length),
    ...(options.saslUsers ? saslSettings(options.saslUsers) : {}),
    ...(options.tlsKeystore ? tlsSettings(options.tlsKeystore) : {}),
    ...(options.authorizer
      ? authorizerSettings('org.apache.kafka.metadata.authorizer.StandardAuthorizer')
      : {}),
    ...options.extra,
  });
}

function authorizerSettings(className: string): Record<string, string> {
  return { 'authorizer.class.name': className, 'super.users': 'User:ANONYMOUS;User:admin' };
}

/** A ZooKeeper-mode broker. */
export function zookeeperBrokerProperties(options: {
  release: KafkaRelease;
  node: NodePorts;
  brokerCount: number;
  zookeeperConnect: string;
  logDir: string;
  saslUsers?: readonly SaslUser[];
  authorizer?: boolean;
  /** PEM keystore for an SSL listener (when the node has an `ssl` port). */
  tlsKeystore?: { path: string; keyPassword: string };
  /** Settings added last, overriding the harness's own. */
  extra?: Record<string, string | number>;
}): string {
  return lines({
    'broker.id': options.node.nodeId,
    ...listenerSettings(options.node, false),
    'log.dirs': options.logDir,
    'zookeeper.connect': options.zookeeperConnect,
    'zookeeper.connection.timeout.ms': 30_000,
    'delete.topic.enable': 'true',
    ...replicationSettings(options.release, options.brokerCount),
    ...(options.saslUsers ? saslSettings(options.saslUsers) : {}),
    ...(options.tlsKeystore ? tlsSettings(options.tlsKeystore) : {}),
    ...(options.authorizer ? authorizerSettings('kafka.security.authorizer.AclAuthorizer') : {}),
    ...options.extra,
  });
}

export function zookeeperProperties(options: { port: number; dataDir: string }): string {
  return lines({
    dataDir: options.dataDir,
    clientPort: options.port,
    clientPortAddress: '127.0.0.1',
    maxClientCnxns: 0,
    'admin.enableServer': 'false',
    '4lw.commands.whitelist': 'srvr,mntr,ruok,stat',
  });
}

/** Console logging in the dialect each release's logging back end reads. */
export function loggingConfig(release: KafkaRelease): {
  fileName: string;
  text: string;
  jvmFlag: (path: string) => string;
} {
  if (release.logging === 'log4j2') {
    return {
      fileName: 'log4j2.properties',
      text: [
        'status = warn',
        'appender.console.type = Console',
        'appender.console.name = STDOUT',
        'appender.console.layout.type = PatternLayout',
        'appender.console.layout.pattern = [%d] %p %m (%c)%n',
        'rootLogger.level = INFO',
        'rootLogger.appenderRef.stdout.ref = STDOUT',
        'logger.kafka.name = org.apache.kafka',
        'logger.kafka.level = INFO',
        '',
      ].join('\n'),
      jvmFlag: (path) => `-Dlog4j2.configurationFile=${path}`,
    };
  }
  return {
    fileName: 'log4j.properties',
    text: [
      'log4j.rootLogger=INFO, stdout',
      'log4j.appender.stdout=org.apache.log4j.ConsoleAppender',
      'log4j.appender.stdout.layout=org.apache.log4j.PatternLayout',
      'log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n',
      '',
    ].join('\n'),
    jvmFlag: (path) => `-Dlog4j.configuration=file:${path}`,
  };
}

/** The broker's main class has been `kafka.Kafka` in every release. */
export const kafkaNodeMainClass = 'kafka.Kafka';

/**
 * An unsigned JWT the harness's OAUTHBEARER listener accepts (Kafka's unsecured validator), valid for
 * an hour. Real clusters need a token from an identity provider.
 */
export function unsecuredOauthToken(subject: string, nowSeconds = Math.floor(Date.now() / 1000)): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none' })}.${part({ sub: subject, iat: nowSeconds, exp: nowSeconds + 3600 })}.`;
}

/** The SSL listener's keystore: a PEM file holding the broker's key and certificate (Kafka 2.7+). */
export function tlsSettings(keystore: { path: string; keyPassword: string }): Record<string, string> {
  return {
    'listener.name.ssl.ssl.keystore.type': 'PEM',
    'listener.name.ssl.ssl.keystore.location': keystore.path,
    'listener.name.ssl.ssl.key.password': keystore.keyPassword,

    'listener.name.ssl.ssl.client.auth': 'none',
  };
}
