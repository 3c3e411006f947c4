import type { ApiProblem } from '@weir/api/client';

/**
 * An error whose message is meant for the person at the terminal, with the exit code to use (2 for
 * bad usage, 1 for a failure), and the API problem behind it when there was one (so `--json` keeps
 * its status and problems).
 */
export class CliError extends Error {
  readonly exitCode: number;
  readonly problem: ApiProblem | undefined;
  constructor(message: string, exitCode = 2, problem?: ApiProblem) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
    this.problem = problem;
  }
}
