/**
 * Domain errors thrown by services. One error handler (http/problem.ts) maps them to HTTP problem
 * responses, so services never speak HTTP.
 */
export class DomainError extends Error {
  readonly status: number;
  constructor(status: number, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.status = status;
    this.name = new.target.name;
  }
}

export class InputError extends DomainError {
  /** Each problem with the input, as "where: what is wrong and how to fix it". */
  readonly problems: string[];
  constructor(message: string, problems: string[] = [], options?: { cause?: unknown }) {
    super(400, message, options);
    this.problems = problems;
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(
    message = 'Log in first: this endpoint needs a session cookie or an API token (Authorization: Bearer).',
  ) {
    super(401, message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super(403, message);
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string) {
    super(404, message);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, options?: { cause?: unknown }) {
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
  constructor(message: string, options?: { cause?: unknown }) {
    super(503, message, options);
  }
}
