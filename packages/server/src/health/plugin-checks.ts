import type { HealthCheckReport, HealthFindingView, HealthStatusName } from '@weir/api';
import type { ClusterFacts, HealthFinding } from '@weir/plugin-sdk';
import type { ClusterSnapshot } from '../clusters/cluster-snapshot.ts';
import type { ClustersService } from '../clusters/clusters.service.ts';
import type { SnapshotsService } from '../clusters/snapshots.service.ts';
import type { PluginHost } from '../plugins/plugin-host.ts';

/** How long one health check may take before it counts as unknown (ms). */
export const HEALTH_CHECK_TIMEOUT_MS = 10_000;
const SEVERITY: HealthStatusName[] = ['ok', 'unknown', 'warning', 'critical'];
const SUBJECTS = new Set(['cluster', 'broker', 'topic', 'partition', 'group']);

/** The read model as plugins see it: plain data, with the KRaft quorum leader as the controller. */
export function clusterFacts(cluster: { id: string; name: string }, snapshot: ClusterSnapshot): ClusterFacts {
  const { metadata } = snapshot;
  return {
    cluster,
    readAt: snapshot.takenAt,
    kafkaVersion: snapshot.version.label,
    controllerId:
      snapshot.mode === 'kraft'
        ? (snapshot.quorum?.leaderId ?? null)
        : metadata.controllerId >= 0
          ? metadata.controllerId
          : null,
    brokers: metadata.brokers.map((b) => ({ id: b.nodeId, host: b.host, port: b.port, rack: b.rack })),
    topics: metadata.topics.map((t) => ({
      name: t.name,
      internal: t.internal,
      partitions: t.partitions.map((p) => ({
        partition: p.partition,
        leader: p.leader,
        replicas: p.replicas,
        isr: p.isr,
      })),
    })),
  };
}

/** A finding as the plugin gave it, or the contract it broke. */
function checkedFinding(value: unknown): HealthFinding | string {
  const f = value as HealthFinding;
  if (typeof f !== 'object' || f === null) return 'a finding is not an object';
  if (!SUBJECTS.has(f.subject?.type) || typeof f.subject?.name !== 'string')
    return 'a finding has no subject { type, name } of a known type';
  if (!SEVERITY.includes(f.status))
    return `a finding has status "${String(f.status)}", not ok, warning, critical or unknown`;
  if (typeof f.reason !== 'string' || !f.reason) return 'a finding has no reason';
  return f;
}

/**
 * Runs every active plugin health check on one cluster's snapshot, each with a timeout. A check that
 * throws, times out or breaks the finding shape is reported unknown with why, and (throwing or
 * breaking the shape) has its plugin disabled; the other checks still run.
 */
export class PluginChecks {
  readonly #host: PluginHost;
  readonly #snapshots: SnapshotsService;
  readonly #clusters: ClustersService;

  constructor(deps: { host: PluginHost; snapshots: SnapshotsService; clusters: ClustersService }) {
    this.#host = deps.host;
    this.#snapshots = deps.snapshots;
    this.#clusters = deps.clusters;
  }

  /** @throws NotFoundError for an unknown cluster; the snapshot's errors when it cannot be read. */
  async run(clusterId: string): Promise<HealthCheckReport> {
    const cluster = await this.#clusters.get(clusterId);
    const { snapshot } = await this.#snapshots.read(clusterId);
    const facts = clusterFacts({ id: cluster.id, name: cluster.name }, snapshot);
    const checks = this.#host.extensions('healthChecks');
    const results = await Promise.all(
      checks.map(async ({ pluginId, extension: check }) => {
        const started = Date.now();
        const controller = new AbortController();
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), HEALTH_CHECK_TIMEOUT_MS);
        });
        let findings: HealthFindingView[] = [];
        let error: string | null = null;
        try {
          const answer = await Promise.race([
            this.#host.run(pluginId, `health check ${check.id}`, () =>
              check.run({ facts, signal: controller.signal }),
            ),
            timeout,
          ]);
          if (answer === 'timeout') {
            controller.abort();
            error = `it gave no answer within ${HEALTH_CHECK_TIMEOUT_MS} ms`;
          } else if (!Array.isArray(answer)) {
            error = 'it returned no list of findings';
            this.#host.fail(pluginId, `health check ${check.id} returned no list of findings`);
          } else {
            const checked = answer.map(checkedFinding);
            const broken = checked.find((c) => typeof c === 'string');
            if (broken) {
              error = broken;
              this.#host.fail(pluginId, `health check ${check.id}: ${broken}`);
            } else
              findings = (checked as HealthFinding[]).map((f) => ({
                check: check.id,
                plugin: pluginId,
                subject: f.subject,
                status: f.status,
                reason: f.reason,
                value: typeof f.value === 'number' ? f.value : null,
                threshold: typeof f.threshold === 'number' ? f.threshold : null,
              }));
          }
        } catch (thrown) {
          error = (thrown as Error).message;
        } finally {
          clearTimeout(timer);
        }
        const status: HealthStatusName = error
          ? 'unknown'
          : findings.reduce<HealthStatusName>(
              (worst, f) => (SEVERITY.indexOf(f.status) > SEVERITY.indexOf(worst) ? f.status : worst),
              'ok',
            );
        return {
          check: {
            check: check.id,
            plugin: pluginId,
            title: check.title,
            status,
            error,
            elapsedMs: Date.now() - started,
          },
          findings,
        };
      }),
    );
    return {
      checkedAt: Date.now(),
      checks: results.map((r) => r.check),
      findings: results.flatMap((r) => r.findings),
    };
  }
}
