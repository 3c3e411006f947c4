import { PassThrough } from 'node:stream';
import { type Static, Type } from '@sinclair/typebox';
import { COMPRESSIONS } from '@weir/kafka';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { actorOf } from '../changes/actor.ts';
import { conflictResponses, TopicParams } from '../http/route-params.ts';
import { problemResponses } from '../http/schemas.ts';
import { toCsv } from './message-export.ts';
import { FILTER_MATCHES, FILTER_TARGETS } from './message-filter.ts';
import { STOP_REASONS } from './message-scan.ts';
import {
  DEFAULT_MAX_VALUE_BYTES,
  MAX_FOLLOW_MS,
  MAX_PRODUCE_BODY_BYTES,
  MAX_SEARCH_MS,
  type MessagesService,
  type ResolvedSearch,
} from './messages.service.ts';
import type { Isolation, RenderedMessage, SearchStreamEvent } from './messages.types.ts';
import { PAYLOAD_ENCODINGS } from './payload.ts';

const tags = ['messages'];
const literals = <T extends readonly string[]>(values: T, options: { default?: T[number] } = {}) =>
  Type.Unsafe<T[number]>(
    Type.Union(
      values.map((v) => Type.Literal(v)),
      options,
    ),
  );
const MaxValueBytes = Type.Integer({
  minimum: 16,
  maximum: 1024 * 1024,
  default: DEFAULT_MAX_VALUE_BYTES,
  description: 'Longer keys, values and headers are cut (and marked truncated)',
});
const ISOLATIONS = ['read_committed', 'read_uncommitted'] as const satisfies readonly Isolation[];
const IsolationField = Type.Unsafe<Isolation>({
  ...literals(ISOLATIONS, { default: 'read_committed' }),
  description:
    "read_committed (the default, as librdkafka's) reads up to the last stable offset and leaves out aborted transactions; read_uncommitted reads everything and marks aborted records",
});
const Browse = Type.Object(
  {
    from: literals(['newest', 'oldest', 'offset', 'timestamp'] as const, { default: 'newest' }),
    offset: Type.Optional(Type.Integer({ minimum: 0 })),
    timestamp: Type.Optional(Type.Integer({ minimum: 0, description: 'Epoch milliseconds' })),
    partition: Type.Optional(Type.Integer({ minimum: 0 })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
    maxValueBytes: MaxValueBytes,
    isolation: IsolationField,
  },
  { additionalProperties: false },
);
const Payload = Type.Object(
  {
    kind: literals(['null', 'text', 'json', 'binary'] as const),
    text: Type.Optional(Type.String()),
    base64: Type.Optional(Type.String()),
    size: Type.Integer(),
    truncated: Type.Optional(Type.Boolean()),
  },
  { $id: 'MessagePayload' },
);
const Message = Type.Object(
  {
    partition: Type.Integer(),
    offset: Type.Integer(),
    timestamp: Type.Union([Type.Integer(), Type.Null()], {
      description: 'Epoch milliseconds; null when the record has none (message format v0)',
    }),
    timestampType: Type.Union([Type.Literal('CreateTime'), Type.Literal('LogAppendTime'), Type.Null()], {
      description: 'Null for message format v0, which has no timestamp type',
    }),
    transactional: Type.Boolean(),
    transactionState: Type.Union(
      [Type.Literal('committed'), Type.Literal('aborted'), Type.Literal('undecided'), Type.Null()],
      { description: 'For transactional records; undecided: no commit or abort marker yet' },
    ),
    producerId: Type.Union([Type.Integer(), Type.Null()]),
    producerEpoch: Type.Union([Type.Integer(), Type.Null()]),
    key: Type.Ref('MessagePayload'),
    value: Type.Ref('MessagePayload'),
    headers: Type.Array(Type.Object({ name: Type.String(), value: Type.Ref('MessagePayload') })),
    size: Type.Integer(),
  },
  { $id: 'Message' },
);
const PartitionPosition = Type.Object(
  {
    partition: Type.Integer(),
    position: Type.Integer({ description: 'Next offset to read: resume here' }),
    end: Type.Union([Type.Integer(), Type.Null()]),
    done: Type.Boolean(),
    error: Type.Optional(Type.String()),
  },
  { $id: 'PartitionPosition' },
);
const BrowseResult = Type.Object({
  messages: Type.Array(Type.Ref('Message')),
  reason: literals(STOP_REASONS),
  partitions: Type.Array(Type.Ref('PartitionPosition')),
});
const Filter = Type.Object(
  {
    target: literals(FILTER_TARGETS),
    header: Type.Optional(Type.String({ minLength: 1 })),
    match: literals(FILTER_MATCHES),
    value: Type.String({ maxLength: 10_000 }),
    path: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    ignoreCase: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
const StartAt = Type.Union([
  Type.Object({ type: Type.Literal('oldest') }, { additionalProperties: false }),
  Type.Object(
    {
      type: Type.Literal('newest'),
      count: Type.Integer({ minimum: 0, description: 'Latest records per partition' }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { type: Type.Literal('offset'), offset: Type.Integer({ minimum: 0 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    { type: Type.Literal('timestamp'), timestamp: Type.Integer({ minimum: 0 }) },
    { additionalProperties: false },
  ),
]);
const searchFields = {
  filters: Type.Array(Filter, { maxItems: 10, default: [], description: 'All must match' }),
  start: Type.Optional(StartAt),
  cursor: Type.Optional(
    Type.Object(
      {
        partitions: Type.Array(
          Type.Object(
            {
              partition: Type.Integer({ minimum: 0 }),
              position: Type.Integer({ minimum: 0 }),
              end: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
              // The end event's positions are passed back whole, so their other fields are known too.
              done: Type.Optional(Type.Boolean({ description: 'As the end event gave it; not used' })),
              error: Type.Optional(Type.String({ description: 'As the end event gave it; not used' })),
            },
            { additionalProperties: false },
          ),
          { minItems: 1 },
        ),
      },
      {
        additionalProperties: false,
        description: "A stopped search's last positions, to continue where it stopped",
      },
    ),
  ),
  partitions: Type.Optional(Type.Array(Type.Integer({ minimum: 0 }), { maxItems: 10_000 })),
  key: Type.Optional(
    Type.Object(
      { value: Type.String(), encoding: literals(PAYLOAD_ENCODINGS) },
      { additionalProperties: false, description: "Read only the key's partition and match the key exactly" },
    ),
  ),
  maxScanned: Type.Integer({ minimum: 1, maximum: 1_000_000_000, default: 10_000_000 }),
  maxMs: Type.Integer({
    minimum: 100,
    maximum: MAX_FOLLOW_MS,
    default: 30_000,
    description: `At most ${MAX_SEARCH_MS} ms for a search or export, ${MAX_FOLLOW_MS} ms for a live tail`,
  }),
  maxValueBytes: MaxValueBytes,
  isolation: IsolationField,
};
const Search = Type.Object(
  {
    ...searchFields,
    follow: Type.Optional(Type.Boolean({ description: 'Live tail: keep reading new records' })),
    maxMatches: Type.Integer({ minimum: 1, maximum: 10_000, default: 500 }),
  },
  { additionalProperties: false },
);
const Export = Type.Object(
  {
    ...searchFields,
    format: literals(['json', 'csv'] as const),
    maxMatches: Type.Integer({ minimum: 1, maximum: 100_000, default: 10_000 }),
  },
  { additionalProperties: false },
);
const Produce = Type.Object(
  {
    messages: Type.Array(
      Type.Object(
        {
          key: Type.Optional(Type.Union([Type.Null(), Type.String()])),
          value: Type.Optional(Type.Union([Type.Null(), Type.String()])),
          headers: Type.Optional(
            Type.Array(
              Type.Object(
                { name: Type.String({ minLength: 1 }), value: Type.String() },
                { additionalProperties: false },
              ),
              { maxItems: 100 },
            ),
          ),
          partition: Type.Optional(Type.Integer({ minimum: 0 })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 10_000 },
    ),
    keyEncoding: literals(PAYLOAD_ENCODINGS, { default: 'text' }),
    valueEncoding: literals(PAYLOAD_ENCODINGS, { default: 'text' }),
    compression: literals(COMPRESSIONS, { default: 'none' }),
  },
  { additionalProperties: false },
);
const ProduceResult = Type.Object({
  written: Type.Integer(),
  partitions: Type.Array(
    Type.Object({ partition: Type.Integer(), baseOffset: Type.Integer(), count: Type.Integer() }),
  ),
});
const errors = { ...problemResponses, ...conflictResponses };

type Deps = { messages: MessagesService };

/** Browsing, searching (streamed), exporting and producing records. */
export function messagesRoutes(app: FastifyInstance, deps: Deps): void {
  app.addSchema(Payload);
  app.addSchema(Message);
  app.addSchema(PartitionPosition);
  browseRoute(app, deps);
  searchRoute(app, deps);
  exportRoute(app, deps);
  produceRoute(app, deps);
}

function browseRoute(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: Static<typeof TopicParams>; Querystring: Static<typeof Browse> }>(
    '/clusters/:id/topics/:name/messages',
    {
      config: { access: 'messages:read' },
      schema: {
        tags,
        summary: 'Browse records from the newest, the oldest, an offset or a timestamp',
        params: TopicParams,
        querystring: Browse,
        response: { 200: BrowseResult, ...errors },
      },
    },
    (request) =>
      deps.messages.browse(request.params.id, request.params.name, request.query, actorOf(request)),
  );
}

function searchRoute(app: FastifyInstance, deps: Deps): void {
  app.post<{ Params: Static<typeof TopicParams>; Body: Static<typeof Search> }>(
    '/clusters/:id/topics/:name/messages/search',
    {
      config: { access: 'messages:read' },
      schema: {
        tags,
        summary: 'Search (or live-tail) records; streams NDJSON events: start, match, progress, end',
        description:
          'Each line is one JSON event. `end.progress.partitions` holds the positions to pass back as `cursor` to continue. Errors after the stream started arrive as an `error` event.',
        params: TopicParams,
        body: Search,
        response: {
          200: {
            description: 'application/x-ndjson stream of {type: start|match|progress|end|error, …}',
            content: { 'application/x-ndjson': { schema: Type.String() } },
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
          request.body as ResolvedSearch,
          actorOf(request),
          emit,
          signal,
        ),
      ),
  );
}

function exportRoute(app: FastifyInstance, deps: Deps): void {
  app.post<{ Params: Static<typeof TopicParams>; Body: Static<typeof Export> }>(
    '/clusters/:id/topics/:name/messages/export',
    {
      config: { access: 'messages:read' },
      schema: {
        tags,
        summary: "A search's matches as a JSON or CSV file (values in full)",
        params: TopicParams,
        body: Export,
        response: {
          200: {
            description: 'The file: a JSON array of messages, or CSV with a header row',
            content: {
              'application/json': { schema: Type.Array(Type.Ref('Message')) },
              'text/csv': { schema: Type.String() },
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
        { ...(search as ResolvedSearch), maxValueBytes: Number.MAX_SAFE_INTEGER },
        actorOf(request),
        (event) => {
          if (event.type === 'match') messages.push(event.message);
          if (event.type === 'end') stopped = event.reason;
        },
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
  app.post<{ Params: Static<typeof TopicParams>; Body: Static<typeof Produce> }>(
    '/clusters/:id/topics/:name/messages',
    {
      bodyLimit: MAX_PRODUCE_BODY_BYTES,
      config: { access: 'messages:produce' },
      schema: {
        tags,
        summary: 'Produce one record or a batch (acks=all); keyed records go where Kafka would put them',
        params: TopicParams,
        body: Produce,
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
