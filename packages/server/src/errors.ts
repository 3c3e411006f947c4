import type { ProblemCode } from '@weir/api';

/**
 * Domain errors thrown by services. One error handler (http/problem.ts) maps them to HTTP problem
 * responses, so services never speak HTTP.
 */
export class DomainError extends Error {
  readonly status: number;
  /** A stable name a client can word in its own language (`PROBLEM_CODES` of @weir/api). */
  readonly code: ProblemCode | undefined;
  readonly params: Record<string, string | number> | undefined;
  constructor(status: number, message: string, options?: ProblemOptions) {
    super(message, options);
    this.status = status;
    this.name = new.target.name;
    this.code = options?.code;
    this.params = options?.params;
  }
}

/** What a domain error may carry besides its message. */
export interface ProblemOptions {
  cause?: unknown;
  code?: ProblemCode;
  params?: Record<string, string | number>;
}

export class InputError extends DomainError {
  /** Each problem with the input, as "where: what is wrong and how to fix it". */
  readonly problems: string[];
  constructor(message: string, problems: string[] = [], options?: ProblemOptions) {
    super(400, message, options);
    this.problems = problems;
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(
    message = 'Log in first: this endpoint needs a session cookie or an API token (Authorization: Bearer).',
    options: ProblemOptions = { code: 'auth.login-required' },
  ) {
    super(401, message, options);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string, options?: ProblemOptions) {
    super(403, message, options);
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string, options?: ProblemOptions) {
    super(404, message, options);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, options?: ProblemOptions) {
    super(409, message, options);
  }
}

export class TooManyRequestsError extends DomainError {
  readonly retryAfterSeconds: number;
  constructor(message: string, retryAfterSeconds: number) {
    super(429, message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** A cluster, broker or other dependency did not answer; the cause keeps its coordinates. */
export class UnavailableError extends DomainError {
  constructor(message: string, options?: ProblemOptions) {
    super(503, message, options);
  }
}
