import type { ConfigChangeReport } from '@weir/api';
import { type ConfigChange, type ConfigResource, KafkaGatewayError } from '@weir/kafka';
import { liveBrokerIds } from '../brokers/broker-ids.ts';
import type { Gateways } from '../clusters/cluster-connections.ts';
import { InputError, NotFoundError } from '../errors.ts';
import { currentTopic } from '../topics/topic-lookup.ts';
import type { Actor } from './actor.ts';
import type { AuditedChanges } from './audited-change.ts';
import { diffConfigs, keyNamedIn, withDynamicOnlyBrokerKeys } from './config-diff.ts';

const describeResource = (r: ConfigResource) =>
  r.type === 'topic'
    ? `topic ${r.name}`
    : r.name === ''
      ? 'the cluster-wide broker default'
      : `broker ${r.name}`;

/**
 * A broker's refusal of a config change, as an input problem naming the key it is about
 * (`min.insync.replicas: …`), so a client can show it on that key's row; other errors pass through.
 */
function refusalByKey(error: unknown, changes: ConfigChange[]): unknown {
  if (!(error instanceof KafkaGatewayError) || error.kind !== 'invalid') return error;
  const key =
    keyNamedIn(error.message, changes) ?? (changes.length === 1 ? (changes[0]?.name ?? null) : null);
  return key ? new InputError(error.message, [`${key}: ${error.message}`]) : error;
}

/** Topic configs, one broker's dynamic configs, and the cluster-wide broker defaults: diff, then apply. */
export class ConfigChanges {
  readonly #connections: Gateways;
  readonly #changes: AuditedChanges;

  constructor(deps: { connections: Gateways; changes: AuditedChanges }) {
    this.#connections = deps.connections;
    this.#changes = deps.changes;
  }

  /** The diff, validated by the broker without applying; `apply` makes the same checks and applies. */
  preview(clusterId: string, resource: ConfigResource, changes: ConfigChange[]): Promise<ConfigChangeReport> {
    return this.#change(clusterId, resource, changes, null);
  }

  apply(clusterId: string, resource: ConfigResource, changes: ConfigChange[], actor: Actor) {
    return this.#change(clusterId, resource, changes, actor);
  }

  async #change(
    clusterId: string,
    resource: ConfigResource,
    changes: ConfigChange[],
    actor: Actor | null,
  ): Promise<ConfigChangeReport> {
    if (changes.length === 0)
      throw new InputError('Name at least one config to change.', ['changes: is empty.']);
    await this.#assertExists(clusterId, resource);
    const gateway = await this.#connections.gateway(clusterId);
    // Cluster-wide defaults are described through any one broker's entries.
    const describeAs =
      resource.type === 'broker' && resource.name === '' ? await this.#anyBroker(clusterId) : resource.name;
    const described = await gateway.describeConfigs({ type: resource.type, name: describeAs });
    const current = resource.type === 'broker' ? withDynamicOnlyBrokerKeys(described) : described;
    const { rows, problems } = diffConfigs(current, changes);
    if (problems.length > 0) {
      throw new InputError(`These changes to ${describeResource(resource)} cannot be applied.`, problems);
    }
    const { api } = await gateway.alterConfigs(resource, changes, true).catch((error: unknown) => {
      throw refusalByKey(error, changes);
    });
    if (!actor) return { resource, changes: rows, applied: false, api };
    const target =
      resource.type === 'topic'
        ? resource.name
        : resource.name === ''
          ? 'brokers/default'
          : `brokers/${resource.name}`;
    await this.#changes.apply(
      clusterId,
      actor,
      {
        action: resource.type === 'topic' ? 'topic.configs.update' : 'broker.configs.update',
        targetType: resource.type,
        target,
        before: Object.fromEntries(rows.map((r) => [r.name, r.before])),
      },
      () => gateway.alterConfigs(resource, changes, false),
      () => Object.fromEntries(rows.map((r) => [r.name, r.after])),
    );
    return { resource, changes: rows, applied: true, api };
  }

  async #assertExists(clusterId: string, resource: ConfigResource) {
    if (resource.type === 'topic') {
      await currentTopic(await this.#connections.gateway(clusterId), resource.name);
    } else if (
      resource.name !== '' &&
      !(await liveBrokerIds(await this.#connections.gateway(clusterId))).includes(Number(resource.name))
    ) {
      throw new NotFoundError(
        `Broker ${resource.name} is not in the cluster (or is down); check the broker id.`,
      );
    }
  }

  async #anyBroker(clusterId: string): Promise<string> {
    const [first] = await liveBrokerIds(await this.#connections.gateway(clusterId));
    if (first === undefined) throw new NotFoundError('The cluster reports no live broker.');
    return String(first);
  }
}
