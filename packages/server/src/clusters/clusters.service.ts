import type { ResolvedClusterInput as ClusterInput, ClusterView, ConnectionReport } from '@weir/api';
import { type ClusterRecord, type ClustersRepository, UniqueViolationError } from '@weir/store';
import type { AuditService } from '../audit/audit.service.ts';
import type { ClientInfo } from '../auth/auth.service.ts';
import type { Principal } from '../auth/principal.ts';
import { ConflictError, InputError, NotFoundError } from '../errors.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import {
  type ClusterDefinition,
  type ClusterSecrets,
  crossFieldProblems,
  type StoredCluster,
  splitInput,
  toConnection,
  toView,
} from './cluster-definition.ts';
import type { probeConnection } from './connection-probe.ts';

export interface ClustersServiceDeps {
  clusters: ClustersRepository;
  secretBox: SecretBox;
  audit: AuditService;
  probe: typeof probeConnection;
  /** Told when a cluster's connection settings change or it is removed, to drop cached connections. */
  onChange?: (clusterId: string) => void;
  now?: () => number;
}

/** Registered clusters: validated, tested before save, secrets sealed, every change audited. */
export class ClustersService {
  readonly #deps: ClustersServiceDeps;
  readonly #now: () => number;

  constructor(deps: ClustersServiceDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? Date.now;
  }

  async list(): Promise<ClusterView[]> {
    return (await this.listStored()).map(toView);
  }

  async listStored(): Promise<StoredCluster[]> {
    return (await this.#deps.clusters.list<ClusterDefinition>()).map((record) => this.#open(record));
  }

  async get(id: string): Promise<ClusterView> {
    return toView(await this.getStored(id));
  }

  async getStored(id: string): Promise<StoredCluster> {
    const record = await this.#deps.clusters.findById<ClusterDefinition>(id);
    if (!record)
      throw new NotFoundError(`No cluster with id ${id}; list them with GET /api/v1/clusters.`, {
        code: 'cluster.not-found',
        params: { id },
      });
    return this.#open(record);
  }

  /**
   * The ZooKeeper connect string given at onboarding, if any (older clusters need it for some
   * changes); the server's one way to it. ZooKeeper itself is reached only through @weir/kafka.
   */
  async zookeeperConnect(id: string): Promise<string | null> {
    return (await this.getStored(id)).definition.zookeeperConnect ?? null;
  }

  /** Tests settings without saving them; for an existing cluster, its stored secrets fill any left out. */
  async test(input: ClusterInput, existingId?: string): Promise<ConnectionReport> {
    const previous = existingId ? (await this.getStored(existingId)).secrets : undefined;
    const { definition, secrets } = this.#validated(input, previous);
    return this.#deps.probe(toConnection(definition, secrets, 'weir-connection-test'), {
      zookeeperConnect: definition.zookeeperConnect,
    });
  }

  async create(input: ClusterInput, actor: { principal: Principal; client: ClientInfo }) {
    const { name, definition, secrets } = this.#validated(input);
    await this.#assertNameFree(name);
    const report = await this.#assertConnects(definition, secrets);
    const now = this.#now();
    const stored: StoredCluster = {
      id: crypto.randomUUID(),
      name,
      definition,
      secrets,
      createdAt: now,
      updatedAt: now,
    };
    await this.#save(stored, 'insert');
    const view = toView(stored);
    await this.#deps.audit.record(
      { principal: actor.principal, ip: actor.client.ip },
      {
        action: 'cluster.create',
        clusterId: view.id,
        targetType: 'cluster',
        target: name,
        after: view,
        result: 'success',
      },
    );
    return { cluster: view, connection: report };
  }

  async update(id: string, input: ClusterInput, actor: { principal: Principal; client: ClientInfo }) {
    const existing = await this.getStored(id);
    const { name, definition, secrets } = this.#validated(input, existing.secrets);
    if (name !== existing.name) await this.#assertNameFree(name);
    const report = await this.#assertConnects(definition, secrets);
    const updated: StoredCluster = { ...existing, name, definition, secrets, updatedAt: this.#now() };
    await this.#save(updated, 'update');
    this.#deps.onChange?.(id);
    const view = toView(updated);
    await this.#deps.audit.record(
      { principal: actor.principal, ip: actor.client.ip },
      {
        action: 'cluster.update',
        clusterId: id,
        targetType: 'cluster',
        target: name,
        before: toView(existing),
        after: view,
        result: 'success',
      },
    );
    return { cluster: view, connection: report };
  }

  async remove(
    id: string,
    confirmName: string,
    actor: { principal: Principal; client: ClientInfo },
  ): Promise<void> {
    const existing = await this.getStored(id);
    if (confirmName !== existing.name) {
      throw new InputError(
        `To remove a cluster, confirm by sending its exact name "${existing.name}" as confirmName.`,
        ['body.confirmName: does not match the cluster name.'],
        { code: 'confirm.mismatch', params: { expected: existing.name } },
      );
    }
    await this.#deps.clusters.delete(id);
    this.#deps.onChange?.(id);
    await this.#deps.audit.record(
      { principal: actor.principal, ip: actor.client.ip },
      {
        action: 'cluster.delete',
        clusterId: id,
        targetType: 'cluster',
        target: existing.name,
        before: toView(existing),
        result: 'success',
      },
    );
  }

  #validated(input: ClusterInput, previous?: ClusterSecrets) {
    const parts = splitInput(input, previous);
    const problems = crossFieldProblems(parts.definition, parts.secrets);
    if (problems.length > 0)
      throw new InputError(`The cluster settings are incomplete: ${problems.join(' ')}`, problems);
    return parts;
  }

  async #assertNameFree(name: string): Promise<void> {
    if (await this.#deps.clusters.findByName(name)) {
      throw new ConflictError(`A cluster named "${name}" already exists; choose another name.`, {
        code: 'cluster.name-taken',
        params: { name },
      });
    }
  }

  async #assertConnects(definition: ClusterDefinition, secrets: ClusterSecrets): Promise<ConnectionReport> {
    const report = await this.#deps.probe(toConnection(definition, secrets, 'weir-connection-test'), {
      zookeeperConnect: definition.zookeeperConnect,
    });
    if (!report.ok) {
      const problems = report.problems.map((p) => `${p.step}: ${p.message}`);
      throw new InputError(
        `The connection test failed, so nothing was saved. ${problems.join(' ')}`,
        problems,
      );
    }
    return report;
  }

  async #save(cluster: StoredCluster, how: 'insert' | 'update'): Promise<void> {
    const record: ClusterRecord<ClusterDefinition> = {
      id: cluster.id,
      name: cluster.name,
      definition: cluster.definition,
      secretsSealed:
        Object.keys(cluster.secrets).length > 0
          ? this.#deps.secretBox.seal(JSON.stringify(cluster.secrets))
          : null,
      createdAt: cluster.createdAt,
      updatedAt: cluster.updatedAt,
    };
    try {
      if (how === 'insert') await this.#deps.clusters.insert(record);
      else if (!(await this.#deps.clusters.update(record)))
        throw new NotFoundError(`Cluster ${cluster.id} was removed meanwhile.`);
    } catch (error) {
      if (error instanceof UniqueViolationError) {
        throw new ConflictError(`A cluster named "${cluster.name}" already exists; choose another name.`, {
          cause: error,
        });
      }
      throw error;
    }
  }

  #open(record: ClusterRecord<ClusterDefinition>): StoredCluster {
    return {
      id: record.id,
      name: record.name,
      definition: record.definition,
      secrets: record.secretsSealed
        ? (JSON.parse(this.#deps.secretBox.open(record.secretsSealed)) as ClusterSecrets)
        : {},
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
    };
  }
}
