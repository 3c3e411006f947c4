import type { Admin } from '@platformatic/kafka';
import { rawRequest } from './raw-call.ts';

export interface ScramUser {
  user: string;
  mechanisms: { mechanism: string; iterations: number }[];
}

interface RawScram {
  errorCode: number;
  results: {
    user: string;
    errorCode: number;
    credentialInfos: { mechanism: number; iterations: number }[];
  }[];
}

const SCRAM_MECHANISM_NAMES: Record<number, string> = { 1: 'SCRAM-SHA-256', 2: 'SCRAM-SHA-512' };

/** Every SCRAM user and its mechanisms (never the credentials themselves). */
export async function describeScramUsers(admin: Admin): Promise<ScramUser[]> {
  const response = await rawRequest<RawScram>(admin, 'DescribeUserScramCredentials', [null]);
  return response.results
    .filter((r) => r.errorCode === 0)
    .map((r) => ({
      user: r.user,
      mechanisms: r.credentialInfos.map((c) => ({
        mechanism: SCRAM_MECHANISM_NAMES[c.mechanism] ?? `unknown(${c.mechanism})`,
        iterations: c.iterations,
      })),
    }))
    .sort((a, b) => a.user.localeCompare(b.user));
}

export interface AclBinding {
  resourceType: string;
  resourceName: string;
  patternType: string;
  principal: string;
  host: string;
  operation: string;
  permission: string;
}

export interface AclListing {
  /** False when the cluster runs without an authorizer (Kafka answers SECURITY_DISABLED). */
  authorizerEnabled: boolean;
  acls: AclBinding[];
}

const RESOURCE_TYPES = [
  'UNKNOWN',
  'ANY',
  'TOPIC',
  'GROUP',
  'CLUSTER',
  'TRANSACTIONAL_ID',
  'DELEGATION_TOKEN',
  'USER',
];
const PATTERN_TYPES = ['UNKNOWN', 'ANY', 'MATCH', 'LITERAL', 'PREFIXED'];
const OPERATIONS = [
  'UNKNOWN',
  'ANY',
  'ALL',
  'READ',
  'WRITE',
  'CREATE',
  'DELETE',
  'ALTER',
  'DESCRIBE',
  'CLUSTER_ACTION',
  'DESCRIBE_CONFIGS',
  'ALTER_CONFIGS',
  'IDEMPOTENT_WRITE',
  'CREATE_TOKENS',
  'DESCRIBE_TOKENS',
  'TWO_PHASE_COMMIT',
];
const PERMISSIONS = ['UNKNOWN', 'ANY', 'DENY', 'ALLOW'];
const SECURITY_DISABLED = 54;
const ANY = 1;

interface RawAcls {
  errorCode: number;
  errorMessage: string | null;
  resources: {
    resourceType: number;
    resourceName: string;
    resourcePatternType: number;
    acls: { principal: string; host: string; operation: number; permissionType: number }[];
  }[];
}

/** Every ACL binding in the cluster. */
export async function describeAcls(admin: Admin): Promise<AclListing> {
  const filter = {
    resourceType: ANY,
    resourceName: null,
    resourcePatternType: ANY,
    principal: null,
    host: null,
    operation: ANY,
    permissionType: ANY,
  };
  const response = await rawRequest<RawAcls>(admin, 'DescribeAcls', [filter], { keepErrorCodes: true });
  if (response.errorCode === SECURITY_DISABLED) return { authorizerEnabled: false, acls: [] };
  if (response.errorCode !== 0)
    throw new Error(`DescribeAcls failed: ${response.errorMessage ?? response.errorCode}`);
  return {
    authorizerEnabled: true,
    acls: response.resources.flatMap((resource) =>
      resource.acls.map((acl) => ({
        resourceType: RESOURCE_TYPES[resource.resourceType] ?? String(resource.resourceType),
        resourceName: resource.resourceName,
        patternType: PATTERN_TYPES[resource.resourcePatternType] ?? String(resource.resourcePatternType),
        principal: acl.principal,
        host: acl.host,
        operation: OPERATIONS[acl.operation] ?? String(acl.operation),
        permission: PERMISSIONS[acl.permissionType] ?? String(acl.permissionType),
      })),
    ),
  };
}

export interface ClientQuota {
  /** e.g. `{ user: 'alice' }`, `{ 'client-id': null }` (the default for client ids). */
  entity: Record<string, string | null>;
  values: Record<string, number>;
}

/** Every client quota set in the cluster (users, client ids, IPs and their defaults). */
export async function describeClientQuotas(admin: Admin): Promise<ClientQuota[]> {
  const entries = await admin.describeClientQuotas({ components: [], strict: false });
  return entries.map((entry) => ({
    entity: Object.fromEntries(entry.entity.map((e) => [e.entityType, e.entityName ?? null])),
    values: Object.fromEntries(entry.values.map((v) => [v.key, v.value])),
  }));
}
