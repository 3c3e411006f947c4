import { type Static, Type } from '@sinclair/typebox';
import { routes, SchemaInput, SchemaList, SchemaParams, SchemaRemoval, SchemaReply } from '@weir/api';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../changes/actor.ts';
import { problemResponses } from '../http/schemas.ts';
import type { SchemasService } from './schemas.service.ts';

const tags = ['schemas'];
const missing = { 404: Type.Ref('Problem'), 409: Type.Ref('Problem') };
type Params = Static<typeof SchemaParams>;

/** Uploaded schemas: list, read, upload, replace, remove. */
export function schemasRoutes(app: FastifyInstance, deps: { schemas: SchemasService }): void {
  app.get(
    routes.schemas.list,
    {
      config: { access: 'clusters:read' },
      schema: {
        tags,
        summary: 'Uploaded schemas (Avro, Protobuf, JSON Schema) with the types they define',
        response: { 200: SchemaList, ...problemResponses },
      },
    },
    async () => ({ schemas: await deps.schemas.list() }),
  );
  app.get<{ Params: Params }>(
    routes.schemas.one,
    {
      config: { access: 'clusters:read' },
      schema: {
        tags,
        summary: 'One schema with its files',
        params: SchemaParams,
        response: { 200: SchemaReply, ...problemResponses, ...missing },
      },
    },
    async (request) => ({ schema: await deps.schemas.get(request.params.schemaName) }),
  );
  app.post<{ Body: SchemaInput }>(
    routes.schemas.list,
    {
      config: { access: 'schemas:write' },
      schema: {
        tags,
        summary: 'Uploads a schema: the file it starts from first, then the files it imports',
        body: SchemaInput,
        response: { 201: SchemaReply, ...problemResponses, ...missing },
      },
    },
    async (request, reply) => {
      const schema = await deps.schemas.create(request.body, actorOf(request));
      return reply.code(201).send({ schema });
    },
  );
  app.put<{ Params: Params; Body: SchemaInput }>(
    routes.schemas.one,
    {
      config: { access: 'schemas:write' },
      schema: {
        tags,
        summary: 'Replaces a schema; topics reading it use the new one at once',
        params: SchemaParams,
        body: SchemaInput,
        response: { 200: SchemaReply, ...problemResponses, ...missing },
      },
    },
    async (request) => ({
      schema: await deps.schemas.replace(request.params.schemaName, request.body, actorOf(request)),
    }),
  );
  app.delete<{ Params: Params; Body: SchemaRemoval }>(
    routes.schemas.one,
    {
      config: { access: 'schemas:write' },
      schema: {
        tags,
        summary:
          'Removes a schema; confirmName must equal its name. Rules naming it show their records raw, saying why',
        params: SchemaParams,
        body: SchemaRemoval,
        response: { 204: Type.Null(), ...problemResponses, ...missing },
      },
    },
    async (request, reply) => {
      await deps.schemas.remove(request.params.schemaName, request.body.confirmName, actorOf(request));
      return reply.code(204).send();
    },
  );
}
