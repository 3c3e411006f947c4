import type { JobDetailView, JobView, ReassignmentProgress } from '@weir/api';
import { parseCommandArgs } from '../args.ts';
import { CliError } from '../errors.ts';
import { type Output, outputOf, print, printList, SESSION_OPTIONS, showTime } from '../output.ts';
import { openSession, resolveCluster } from '../session.ts';
import { renderTable } from '../table.ts';

const HELP = `weir jobs — long-running operations (reassignments, replication-factor changes)

  weir jobs list --cluster <name>
  weir jobs show <job id> --cluster <name>     state, progress and history (every step, with time)
  weir jobs cancel <job id> --cluster <name>

Common: --url, --token, --json, --utc | --local`;

type Job = Omit<JobView, 'progress'> & { progress: ReassignmentProgress | null };
type JobDetail = Job & Pick<JobDetailView, 'history'>;

/** `weir jobs show`: a summary line, the history as a table (oldest first), then the progress. */
function renderJob(output: Output, view: JobDetail): string {
  const summary = `Job ${view.id}  ${view.kind}  state: ${view.state}  phase: ${view.progress?.phase ?? '-'}  by ${view.createdBy}`;
  const history = renderTable(
    ['TIME', 'EVENT', 'DETAIL'],
    view.history.map((e) => [showTime(output, e.at), e.type, e.detail]),
  );
  return [
    summary,
    ...(view.error ? [`Error: ${view.error}`] : []),
    '',
    history,
    '',
    'Progress:',
    JSON.stringify(view.progress, null, 2),
  ].join('\n');
}

export async function jobsCommand(args: string[]): Promise<void> {
  const { values, positionals, action } = parseCommandArgs(
    args,
    { ...SESSION_OPTIONS, cluster: { type: 'string' } },
    HELP,
    { command: 'jobs', actions: ['list', 'show', 'cancel'] },
  );
  const jobId = positionals[1];
  const output = outputOf(values);
  const session = openSession(values);
  const cluster = await resolveCluster(session, values.cluster as string | undefined);
  if (action === 'list') {
    const jobs = (await session.api.jobs.list(cluster.id)).jobs as Job[];
    return printList(output, { items: jobs, total: jobs.length }, () =>
      renderTable(
        ['ID', 'KIND', 'STATE', 'PHASE', 'BY', 'STARTED', 'FINISHED'],
        jobs.map((j) => [
          j.id,
          j.kind,
          j.state,
          j.progress?.phase ?? '-',
          j.createdBy,
          showTime(output, j.createdAt),
          j.finishedAt ? showTime(output, j.finishedAt) : '-',
        ]),
      ),
    );
  }
  if (!jobId) throw new CliError(`Name the job: weir jobs ${action} <job id> --cluster <name>`, 2);
  const view = (await (action === 'cancel'
    ? session.api.jobs.cancel(cluster.id, jobId)
    : session.api.jobs.get(cluster.id, jobId))) as JobDetail;
  return print(output, view, () =>
    action === 'cancel'
      ? `${renderJob(output, view)}\nCancel requested: the job rolls back and removes its throttles.`
      : renderJob(output, view),
  );
}
