import { PassThrough } from 'node:stream';
import {
  BrowseQuery,
  BrowseResult,
  ExportedMessages,
  ExportRequest,
  MAX_PRODUCE_BODY_BYTES,
  ProduceRequest,
  ProduceResult,
  type RenderedMessage,
  type ResolvedBrowse,
  type ResolvedExport,
  type ResolvedProduce,
  type ResolvedSearch,
  routes,
  SearchRequest,
  SearchStreamEvent,
  TopicChangeParams,
} from '@weir/api';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { actorOf } from '../changes/actor.ts';
import { conflictResponses } from '../http/route-params.ts';
import { problemResponses } from '../http/schemas.ts';
import { toCsv } from './message-export.ts';
import type { MessagesService } from './messages.service.ts';

const tags = ['messages'];
// The record routes have never limited the topic name's length in the path (the service answers a
// name Kafka cannot have), so they take the change routes' parameters, not the reads'.
const TopicParams = TopicChangeParams;
type TopicParams = TopicChangeParams;
const errors = { ...problemResponses, ...conflictResponses };

type Deps = { messages: MessagesService };

/** Browsing, searching (streamed), exporting and producing records. */
export function messagesRoutes(app: FastifyInstance, deps: Deps): void {
  browseRoute(app, deps);
  searchRoute(app, deps);
  exportRoute(app, deps);
  produceRoute(app, deps);
}

function browseRoute(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: TopicParams; Querystring: ResolvedBrowse }>(
    routes.messages.list,
    {
      config: { access: 'messages:read' },
      schema: {
        tags,
        summary: 'Browse records from the newest, the oldest, an offset or a timestamp',
        params: TopicParams,
        querystring: BrowseQuery,
        response: { 200: BrowseResult, ...errors },
      },
    },
    (request) => deps.messages.browse(request.params.id, request.params.name, request.query),
  );
}

function searchRoute(app: FastifyInstance, deps: Deps): void {
  app.post<{ Params: TopicParams; Body: ResolvedSearch }>(
    routes.messages.search,
    {
      config: { access: 'messages:read' },
      schema: {
        tags,
        summary: 'Search (or live-tail) records; streams NDJSON events: start, match, progress, end',
        description:
          'Each line is one JSON event. `end.progress.partitions` holds the positions to pass back as `cursor` to continue. Errors after the stream started arrive as an `error` event.',
        params: TopicParams,
        body: SearchRequest,
        response: {
          200: {
            description: 'application/x-ndjson stream of {type: start|match|progress|end|error, …}',
            content: { 'application/x-ndjson': { schema: SearchStreamEvent } },
          },
          ...errors,
        },
      },
    },
    (request, reply) =>
      streamEvents(reply, (emit, signal) =>
        deps.messages.search(
          request.params.id,
          request.params.name,
          request.body,
          actorOf(request),
          emit,
          signal,
        ),
      ),
  );
}

function exportRoute(app: FastifyInstance, deps: Deps): void {
  app.post<{ Params: TopicParams; Body: ResolvedExport }>(
    routes.messages.export,
    {
      config: { access: 'messages:read' },
      schema: {
        tags,
        summary: "A search's matches as a JSON or CSV file (values in full)",
        params: TopicParams,
        body: ExportRequest,
        response: {
          200: {
            description: 'The file: a JSON array of messages, or CSV with a header row',
            content: {
              'application/json': { schema: ExportedMessages },
              'text/csv': { schema: { type: 'string' } },
            },
          },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const { format, ...search } = request.body;
      const messages: RenderedMessage[] = [];
      let stopped = '';
      await deps.messages.search(
        request.params.id,
        request.params.name,
        { ...search, maxValueBytes: Number.MAX_SAFE_INTEGER },
        actorOf(request),
        (event) => {
          if (event.type === 'match') messages.push(event.message);
          if (event.type === 'end') stopped = event.reason;
        },
        undefined,
        format,
      );
      const file = `${request.params.name}-messages.${format}`;
      reply
        .header('content-disposition', `attachment; filename="${file.replace(/[^\w.-]/g, '_')}"`)
        .header('x-weir-stop-reason', stopped)
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8');
      return format === 'csv' ? toCsv(messages) : JSON.stringify(messages, null, 2);
    },
  );
}

function produceRoute(app: FastifyInstance, deps: Deps): void {
  app.post<{ Params: TopicParams; Body: ResolvedProduce }>(
    routes.messages.list,
    {
      bodyLimit: MAX_PRODUCE_BODY_BYTES,
      config: { access: 'messages:produce' },
      schema: {
        tags,
        summary: 'Produce one record or a batch (acks=all); keyed records go where Kafka would put them',
        params: TopicParams,
        body: ProduceRequest,
        response: { 201: ProduceResult, ...errors },
      },
    },
    async (request, reply) => {
      const result = await deps.messages.produce(
        request.params.id,
        request.params.name,
        request.body,
        actorOf(request),
      );
      return reply.status(201).send(result);
    },
  );
}

/**
 * Streams events as NDJSON once the first one arrives; failures before that are ordinary problem
 * responses, later ones an `error` line. A client that leaves cancels the work.
 */
async function streamEvents(
  reply: FastifyReply,
  work: (emit: (event: SearchStreamEvent) => void, signal: AbortSignal) => Promise<unknown>,
): Promise<FastifyReply> {
  const abort = new AbortController();
  reply.raw.on('close', () => {
    if (!reply.raw.writableFinished) abort.abort();
  });
  let stream: PassThrough | null = null;
  const emit = (event: SearchStreamEvent) => {
    if (!stream) {
      stream = new PassThrough();
      reply.type('application/x-ndjson; charset=utf-8').header('cache-control', 'no-store').send(stream);
    }
    stream.write(`${JSON.stringify(event)}\n`);
  };
  try {
    await work(emit, abort.signal);
  } catch (error) {
    if (!stream) throw error;
    emit({ type: 'error', message: (error as Error).message });
  }
  (stream as PassThrough | null)?.end();
  return reply;
}
