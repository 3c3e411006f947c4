import { useQuery } from '@tanstack/react-query';
import type { JobEventView, TypedJob, TypedJobDetail } from '@weir/api/jobs';
import type { ReassignmentProgress } from '@weir/api/replicas';
import { useClusterChange } from './cluster-cache.ts';
import { weir } from './weir.ts';

/** A job as the jobs list shows it; reassignment is the one kind of job so far. */
export type Job = TypedJob<unknown, ReassignmentProgress>;

/** One entry of a job's history. */
export type JobEvent = JobEventView;
type JobDetail = TypedJobDetail<unknown, ReassignmentProgress>;

export const useJobs = (clusterId: string) =>
  useQuery({
    queryKey: ['cluster', clusterId, 'jobs'],
    queryFn: async () => (await weir.jobs.list(clusterId)) as { jobs: Job[] },
    refetchInterval: 2000,
  });

/** One job with its history; polled while it runs, left alone once it has ended. */
export const useJob = (clusterId: string, jobId: string) =>
  useQuery({
    queryKey: ['cluster', clusterId, 'jobs', jobId],
    queryFn: async () => (await weir.jobs.get(clusterId, jobId)) as JobDetail,
    refetchInterval: (query) =>
      query.state.data && !['running', 'cancelling'].includes(query.state.data.state) ? false : 2000,
  });

export const useCancelJob = (clusterId: string) =>
  useClusterChange(clusterId, (jobId: string) => weir.jobs.cancel(clusterId, jobId));
