import { STATUS_CODES } from 'node:http';
import { type KafkaErrorKind, KafkaGatewayError } from '@weir/kafka';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { DomainError, InputError, TooManyRequestsError } from '../errors.ts';

/** RFC 9457 problem details: the one shape every API error takes. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** Every individual input problem, when the request was invalid. */
  problems?: string[];
}

export function sendProblem(reply: FastifyReply, status: number, detail: string, problems?: string[]) {
  const body: Problem = { type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status, detail };
  if (problems && problems.length > 0) body.problems = problems;
  return reply.code(status).type('application/problem+json').send(body);
}

function describeValidation(error: FastifyError): string[] {
  return (error.validation ?? []).map((issue) => {
    const field = `${error.validationContext ?? 'request'}${issue.instancePath.replaceAll('/', '.')}`;
    const extra = issue.params as Record<string, unknown>;
    if (issue.keyword === 'additionalProperties') {
      return `${field}: unknown property "${String(extra.additionalProperty)}"; remove it.`;
    }
    if (issue.keyword === 'required')
      return `${field}: missing required property "${String(extra.missingProperty)}".`;
    return `${field}: ${issue.message ?? 'is invalid'}.`;
  });
}

/** What a Kafka failure means to an API caller: their input, the target's state, or the cluster. */
const kafkaStatus: Record<KafkaErrorKind, number> = {
  invalid: 400,
  unsupported: 400,
  'not-found': 404,
  conflict: 409,
  authorization: 403,
  authentication: 503,
  unreachable: 503,
  timeout: 503,
  tls: 503,
  protocol: 503,
};

/** Maps domain errors, validation failures and Fastify's own errors to problem responses, once. */
export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof TooManyRequestsError) reply.header('retry-after', String(error.retryAfterSeconds));
    if (error instanceof InputError) return sendProblem(reply, 400, error.message, error.problems);
    if (error instanceof KafkaGatewayError) {
      const status = kafkaStatus[error.kind];
      if (status >= 500) request.log.warn({ err: error }, 'cluster unavailable');
      return sendProblem(reply, status, error.message);
    }
    if (error instanceof DomainError) {
      if (error.status >= 500) request.log.warn({ err: error }, 'dependency unavailable');
      return sendProblem(reply, error.status, error.message);
    }
    if (error.validation) {
      const problems = describeValidation(error);
      return sendProblem(reply, 400, `The request is invalid: ${problems.join(' ')}`, problems);
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, error.statusCode, error.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(
      reply,
      500,
      `Weir hit an unexpected error. The server log has the details under request id ${request.id}.`,
    );
  });
}
