import { JobView, MessageCountReply, routes, TopicChangeParams } from '@weir/api';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../changes/actor.ts';
import { conflictResponses } from '../http/route-params.ts';
import { problemResponses } from '../http/schemas.ts';
import type { MessageCountService } from './message-count.service.ts';

const tags = ['topics'];
const errors = { ...problemResponses, ...conflictResponses };

export function messageCountRoutes(app: FastifyInstance, deps: { counts: MessageCountService }): void {
  app.post<{ Params: TopicChangeParams }>(
    routes.topics.messageCount,
    {
      config: { access: 'messages:read' },
      schema: {
        tags,
        summary:
          "Start an exact count of the topic's records (a job): every partition read from its leader, counting data records as a read_committed consumer sees them — not transaction markers, aborted transactions or offsets removed by compaction",
        params: TopicChangeParams,
        response: { 202: JobView, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(202).send(await deps.counts.start(request.params.id, request.params.name, actorOf(request))),
  );
  app.get<{ Params: TopicChangeParams }>(
    routes.topics.messageCount,
    {
      config: { access: 'messages:read' },
      schema: {
        tags,
        summary: "The topic's newest exact count (running or ended) with its progress per partition, or null",
        params: TopicChangeParams,
        response: { 200: MessageCountReply, ...errors },
      },
    },
    async (request) => ({ job: await deps.counts.latest(request.params.id, request.params.name) }),
  );
}
