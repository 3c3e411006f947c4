import { useQuery } from '@tanstack/react-query';
import { weir } from './weir.ts';

export type { HealthCheckReport, HealthFindingView, HealthStatusName } from '@weir/api/health';

/** The verdicts of the plugins' health checks on a cluster, run when asked (each within 10 s). */
export const usePluginChecks = (clusterId: string) =>
  useQuery({
    queryKey: ['cluster', clusterId, 'health-checks'],
    queryFn: () => weir.health.checks(clusterId),
  });
