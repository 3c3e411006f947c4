import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../changes/actor.ts';
import { conflictResponses, TopicParams } from '../http/route-params.ts';
import { problemResponses } from '../http/schemas.ts';
import { JobDetailSchema, JobSchema } from '../jobs/jobs.routes.ts';
import type { MessageCountService } from './message-count.service.ts';

const tags = ['topics'];
const errors = { ...problemResponses, ...conflictResponses };

export function messageCountRoutes(app: FastifyInstance, deps: { counts: MessageCountService }): void {
  app.post<{ Params: Static<typeof TopicParams> }>(
    '/clusters/:id/topics/:name/message-count',
    {
      config: { access: 'messages:read' },
      schema: {
        tags,
        summary:
          "Start an exact count of the topic's records (a job): every partition read from its leader, counting data records as a read_committed consumer sees them — not transaction markers, aborted transactions or offsets removed by compaction",
        params: TopicParams,
        response: { 202: JobSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(202).send(await deps.counts.start(request.params.id, request.params.name, actorOf(request))),
  );
  app.get<{ Params: Static<typeof TopicParams> }>(
    '/clusters/:id/topics/:name/message-count',
    {
      config: { access: 'messages:read' },
      schema: {
        tags,
        summary: "The topic's newest exact count (running or ended) with its progress per partition, or null",
        params: TopicParams,
        response: { 200: Type.Object({ job: Type.Union([JobDetailSchema, Type.Null()]) }), ...errors },
      },
    },
    async (request) => ({ job: await deps.counts.latest(request.params.id, request.params.name) }),
  );
}
