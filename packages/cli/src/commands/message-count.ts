import type { JobDetailView, JobView, MessageCountProgress } from '@weir/server/api-types';
import type { Session } from '../session.ts';
import { output, renderTable } from '../table.ts';

type CountJob = Omit<JobDetailView, 'progress'> & { progress: MessageCountProgress | null };

const POLL_MS = 1000;

/** `weir topics count`: starts an exact count; with --wait follows it and prints the result per partition. */
export async function countTopic(
  session: Session,
  clusterId: string,
  topic: string,
  options: { wait: boolean; json: boolean },
): Promise<void> {
  const path = `/clusters/${clusterId}/topics/${encodeURIComponent(topic)}/message-count`;
  const started = await session.call<JobView>(path, { method: 'POST' });
  if (!options.wait)
    return output(
      options.json,
      started,
      () =>
        `Started counting ${topic}: job ${started.id}. Follow it: weir jobs show ${started.id}, or run again with --wait.`,
    );
  let job = await session.call<CountJob>(`/clusters/${clusterId}/jobs/${started.id}`);
  while (job.state === 'running' || job.state === 'cancelling') {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    job = await session.call<CountJob>(`/clusters/${clusterId}/jobs/${started.id}`);
  }
  return output(options.json, job, () => renderCount(topic, job));
}

function renderCount(topic: string, job: CountJob): string {
  const progress = job.progress;
  const partitions = progress?.partitions ?? [];
  const total =
    job.state === 'succeeded' && progress?.complete
      ? `${topic}: ${progress.records} record(s), counted exactly (read_committed) at ${job.finishedAt}`
      : `${topic}: count ${job.state}${job.error ? `: ${job.error}` : ''}; ${progress?.records ?? 0} record(s) counted so far (a lower bound)`;
  return [
    total,
    renderTable(
      ['PARTITION', 'START', 'END', 'RECORDS', 'MARKERS', 'ABORTED', 'ERROR'],
      partitions.map((p) => [p.partition, p.start, p.end, p.records, p.markers, p.aborted, p.error ?? '-']),
    ),
  ].join('\n');
}
