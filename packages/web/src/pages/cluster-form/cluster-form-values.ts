import type { Cluster, ClusterInput, SaslMechanism, SecurityProtocol } from '../../api/clusters.ts';

export const securityProtocols: SecurityProtocol[] = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'];
export const saslMechanisms: SaslMechanism[] = ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512', 'OAUTHBEARER'];

/** What the cluster form holds: bootstrap servers as typed, and one secret field (password or token). */
export interface FormValues {
  name: string;
  bootstrap: string;
  securityProtocol: SecurityProtocol;
  mechanism?: SaslMechanism;
  username?: string;
  /** The password, or the token when the mechanism is OAUTHBEARER. */
  password?: string;
  tags?: string[];
  description?: string;
}

/** A new cluster's starting values. */
export const newClusterValues: Partial<FormValues> = {
  securityProtocol: 'PLAINTEXT',
  mechanism: 'SCRAM-SHA-512',
};

/** The form's values as the API's ClusterInput. */
export function toInput(values: FormValues): ClusterInput {
  const input: ClusterInput = {
    name: values.name?.trim() || 'connection-test',
    bootstrapServers: values.bootstrap.split(/[,\s]+/).filter(Boolean),
    securityProtocol: values.securityProtocol,
    tags: values.tags ?? [],
    description: values.description ?? '',
  };
  if (values.securityProtocol.startsWith('SASL_') && values.mechanism) {
    input.sasl =
      values.mechanism === 'OAUTHBEARER'
        ? { mechanism: values.mechanism, token: values.password }
        : { mechanism: values.mechanism, username: values.username, password: values.password };
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
    tags: cluster.tags,
    description: cluster.description,
  };
}
