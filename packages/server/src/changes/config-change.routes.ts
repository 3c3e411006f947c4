import type { TObject } from '@sinclair/typebox';
import { ConfigChangeReport, ConfigChanges as ConfigChangeRequest } from '@weir/api';
import type { ConfigResource } from '@weir/kafka';
import type { FastifyInstance } from 'fastify';
import { conflictResponses } from '../http/route-params.ts';
import { problemResponses } from '../http/schemas.ts';
import { actorOf } from './actor.ts';
import type { ConfigChanges } from './config-changes.ts';

const tags = ['config changes'];
const errors = { ...problemResponses, ...conflictResponses };

export type ConfigParams = { id: string; name?: string; brokerId?: number };

/** The preview and apply routes (`path/preview`, PATCH `path`) of one kind of config resource. */
export function configChangeRoutes(
  app: FastifyInstance,
  configs: ConfigChanges,
  resource: {
    path: string;
    params: TObject;
    resourceOf: (p: ConfigParams) => ConfigResource;
    /** How the summaries name the resource, e.g. "a topic's configs". */
    what: string;
  },
): void {
  const { path, params, resourceOf, what } = resource;
  app.post<{ Params: ConfigParams; Body: ConfigChangeRequest }>(
    `${path}/preview`,
    {
      config: { access: 'clusters:read' },
      schema: {
        tags,
        summary: `Diff and broker-side validation of changes to ${what}`,
        params,
        body: ConfigChangeRequest,
        response: { 200: ConfigChangeReport, ...errors },
      },
    },
    (request) => configs.preview(request.params.id, resourceOf(request.params), request.body.changes),
  );
  app.patch<{ Params: ConfigParams; Body: ConfigChangeRequest }>(
    path,
    {
      config: { access: 'configs:write' },
      schema: {
        tags,
        summary: `Apply changes to ${what} (only the named keys change)`,
        params,
        body: ConfigChangeRequest,
        response: { 200: ConfigChangeReport, ...errors },
      },
    },
    (request) =>
      configs.apply(request.params.id, resourceOf(request.params), request.body.changes, actorOf(request)),
  );
}
