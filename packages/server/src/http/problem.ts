import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { Problem } from '@weir/api';
import { type KafkaErrorKind, KafkaGatewayError } from '@weir/kafka';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, InputError, TooManyRequestsError } from '../errors.ts';
import { describeSchemaIssues, type SchemaIssue } from './validation-problems.ts';

export function sendProblem(
  reply: FastifyReply,
  status: number,
  detail: string,
  problems?: string[],
  coded?: { code?: string; params?: Record<string, string | number> },
) {
  const body: Problem = { type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status, detail };
  if (problems && problems.length > 0) body.problems = problems;
  if (coded?.code) body.code = coded.code;
  if (coded?.params) body.params = coded.params;
  return reply.code(status).type('application/problem+json').send(body);
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
    if (error instanceof InputError) return sendProblem(reply, 400, error.message, error.problems, error);
    if (error instanceof KafkaGatewayError) {
      const status = kafkaStatus[error.kind];
      if (status >= 500) request.log.warn({ err: error }, 'cluster unavailable');
      return sendProblem(reply, status, error.message);
    }
    if (error instanceof DomainError) {
      if (error.status >= 500) request.log.warn({ err: error }, 'dependency unavailable');
      return sendProblem(reply, error.status, error.message, undefined, error);
    }
    if (error.validation) {
      const problems = describeSchemaIssues(
        error.validation as SchemaIssue[],
        error.validationContext ?? 'request',
      );
      return sendProblem(reply, 400, `The request is invalid: ${problems.join(' ')}`, problems);
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, error.statusCode, frameworkDetail(error, request));
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(
      reply,
      500,
      `Weir hit an unexpected error. The server log has the details under request id ${request.id}.`,
    );
  });
}

/** Fastify's own refusals (body, media type, URL), each said with what to change. */
function frameworkDetail(error: FastifyError, request: FastifyRequest): string {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return `The request body is larger than this endpoint accepts (${request.routeOptions.bodyLimit} bytes); send less, e.g. split a batch into several requests.`;
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return `The content-type ${JSON.stringify(request.headers['content-type'] ?? '')} is not accepted here; send JSON with content-type: application/json.`;
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return 'The body is not as long as its content-length header says; send the header that matches the body, or leave it to your HTTP client.';
    case 'FST_ERR_BAD_URL':
      return `The path ${JSON.stringify(request.url)} is not valid percent-encoding; write a literal "%" as %25 (encodeURIComponent does this).`;
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return `A path segment of ${JSON.stringify(request.url.slice(0, 120))} is longer than ${MAX_PATH_PARAM_LENGTH} characters, more than any name Kafka accepts.`;
    default:
      return error.message;
  }
}

/**
 * The longest path parameter the router takes. Kafka group ids and user names are protocol strings
 * of up to 32,767 bytes, which percent-encoding can triple; topic names stop at 249 characters.
 * Node's 16 KiB header limit cuts a request line earlier (431, see `sendClientError`).
 */
export const MAX_PATH_PARAM_LENGTH = 3 * 32_767;

/** For Fastify's `frameworkErrors` option: URL problems found before any route runs. */
export function sendFrameworkProblem(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const status = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : (error.statusCode ?? 400);
  return sendProblem(reply, status, frameworkDetail(error, request));
}

/**
 * For Fastify's `clientErrorHandler`: requests Node's HTTP parser refused (headers over 16 KiB,
 * broken framing) still get a problem document, written to the socket since no reply exists.
 */
export function sendClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (!socket.writable) return;
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const detail = tooLarge
    ? 'The request line and headers are larger than 16 KiB; shorten the URL (long names) or the headers.'
    : `The HTTP request could not be parsed (${error.code ?? error.message}); send a well-formed HTTP/1.1 request.`;
  const body = JSON.stringify({ type: 'about:blank', title: STATUS_CODES[status], status, detail });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
