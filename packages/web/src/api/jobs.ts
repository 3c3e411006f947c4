import { useQuery } from '@tanstack/react-query';
import type { JobDetailView, JobEventView, JobView, ReassignmentProgress } from '@weir/server/api-types';
import { apiRequest } from './client.ts';
import { base, useClusterChange } from './cluster-cache.ts';

/** A job as the jobs list shows it; reassignment is the one kind of job so far. */
export type Job = Omit<JobView, 'progress'> & { progress: ReassignmentProgress | null };

/** One entry of a job's history. */
export type JobEvent = JobEventView;
type JobDetail = Job & Pick<JobDetailView, 'history'>;

export const useJobs = (clusterId: string) =>
  useQuery({
    queryKey: ['cluster', clusterId, 'jobs'],
    queryFn: () => apiRequest<{ jobs: Job[] }>(`${base(clusterId)}/jobs`),
    refetchInterval: 2000,
  });

/** One job with its history; polled while it runs, left alone once it has ended. */
export const useJob = (clusterId: string, jobId: string) =>
  useQuery({
    queryKey: ['cluster', clusterId, 'jobs', jobId],
    queryFn: () => apiRequest<JobDetail>(`${base(clusterId)}/jobs/${jobId}`),
    refetchInterval: (query) =>
      query.state.data && !['running', 'cancelling'].includes(query.state.data.state) ? false : 2000,
  });

export const useCancelJob = (clusterId: string) =>
  useClusterChange(clusterId, (jobId: string) =>
    apiRequest<Job>(`${base(clusterId)}/jobs/${jobId}/cancel`, { method: 'POST' }),
  );
