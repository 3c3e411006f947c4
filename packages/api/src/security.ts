import { type Static, Type } from '@sinclair/typebox';
import { Literals } from './schema-kit.ts';

/** What a cluster's security says: ACL bindings, SCRAM users and client quotas (read only so far). */

export const ACL_RESOURCE_TYPES = [
  'TOPIC',
  'GROUP',
  'CLUSTER',
  'TRANSACTIONAL_ID',
  'DELEGATION_TOKEN',
  'USER',
] as const;

export const AclQuery = Type.Object(
  {
    principal: Type.Optional(
      Type.String({ maxLength: 300, description: 'Exact principal, e.g. User:alice' }),
    ),
    resourceType: Type.Optional(Literals(ACL_RESOURCE_TYPES)),
    resourceName: Type.Optional(
      Type.String({ maxLength: 300, description: 'Substring of the resource name' }),
    ),
  },
  { additionalProperties: false },
);
export type AclQuery = Static<typeof AclQuery>;

export const AclBinding = Type.Object({
  resourceType: Type.String(),
  resourceName: Type.String(),
  patternType: Type.String(),
  principal: Type.String(),
  host: Type.String(),
  operation: Type.String(),
  permission: Type.String(),
});
export type AclBinding = Static<typeof AclBinding>;

export const AclPage = Type.Object({
  authorizerEnabled: Type.Boolean({ description: 'False when the cluster runs without an authorizer' }),
  total: Type.Integer({ description: 'Every binding in the cluster, before the filter' }),
  acls: Type.Array(AclBinding),
});
export type AclPage = Static<typeof AclPage>;

export const ScramUser = Type.Object({
  user: Type.String(),
  mechanisms: Type.Array(Type.Object({ mechanism: Type.String(), iterations: Type.Integer() })),
});
export type ScramUser = Static<typeof ScramUser>;
export const ScramUserList = Type.Object({ users: Type.Array(ScramUser) });
export type ScramUserList = Static<typeof ScramUserList>;

export const ClientQuota = Type.Object({
  entity: Type.Record(Type.String(), Type.Union([Type.String(), Type.Null()]), {
    description: "e.g. { user: 'alice' }, { 'client-id': null } (the default for client ids)",
  }),
  values: Type.Record(Type.String(), Type.Number()),
});
export type ClientQuota = Static<typeof ClientQuota>;
export const QuotaList = Type.Object({ quotas: Type.Array(ClientQuota) });
export type QuotaList = Static<typeof QuotaList>;
