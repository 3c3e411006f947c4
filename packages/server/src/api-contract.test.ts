/**
 * The contract against today's server. Temporary, and the only file in @weir/api that looks at the
 * server: it goes in issue 12's phase 2, when the server's interfaces and inline schemas are deleted
 * in favour of this package (the route and client checks then belong in the server's own tests).
 * - Types: each Static type is mutually assignable with the interface or schema the server declares
 *   (type-only imports), so no field is lost.
 * - Routes: `routes` names exactly the routes the server registers.
 * - Client: against the real server (no Kafka needed): login, cookie and bearer auth through the
 *   CSRF guard, answers that pass their schemas, problems.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { FormatRegistry, type Static, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type * as api from '@weir/api';
import * as contract from '@weir/api';
import type * as server from './api-types.ts';
import type { ApiTokenView as ServerApiToken } from './auth/api-tokens.service.ts';
import type { PublicUser } from './auth/auth.service.ts';
import type {
  ClusterInput as ServerClusterInputSchema,
  ClusterView as ServerClusterViewSchema,
} from './clusters/cluster.schemas.ts';
import type { Problem as ServerProblem } from './http/problem.ts';
import type {
  ResolvedBrowse as ServerResolvedBrowse,
  ResolvedSearch as ServerResolvedSearch,
} from './messages/messages.service.ts';
import type { ReassignmentSpec as ServerReassignmentSpec } from './replicas/reassignment.job.ts';
import { createTestApp, TEST_ADMIN_PASSWORD } from './testing.ts';
import type { MessageCountSpec as ServerMessageCountSpec } from './topics/message-count.job.ts';

/** True when each of A and B is assignable to the other: same fields, same optionality, same types. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same = <A, B>(..._proof: Same<A, B> extends true ? [] : [never]) => true;

const checks = {
  // common
  Problem: same<api.Problem, ServerProblem>(),
  Freshness: same<api.Freshness, server.Freshness>(),
  Total: same<api.Total, server.Total>(),
  TotalUnit: same<api.TotalUnit, server.TotalUnit>(),
  ConfigEntryView: same<api.ConfigEntryView, server.ConfigEntryView>(),
  ConfigDiffRow: same<api.ConfigDiffRow, server.ConfigDiffRow>(),
  ConfigChangeReport: same<api.ConfigChangeReport, server.ConfigChangeReport>(),
  // clusters
  ClusterInput: same<api.ResolvedClusterInput, Static<typeof ServerClusterInputSchema>>(),
  // The server's view types the protocol and mechanism as strings; the contract names the values.
  ClusterView: same<
    Omit<api.ClusterView, 'securityProtocol' | 'sasl'>,
    Omit<Static<typeof ServerClusterViewSchema>, 'securityProtocol' | 'sasl'>
  >(),
  AddressCheck: same<api.AddressCheck, server.AddressCheck>(),
  ConnectionReport: same<api.ConnectionReport, server.ConnectionReport>(),
  ClusterOverview: same<api.ClusterOverview, server.ClusterOverview>(),
  ZooKeeperServerStatus: same<api.ZooKeeperServerStatus, server.ZooKeeperServerStatus>(),
  ZooKeeperPanel: same<api.ZooKeeperPanel, server.ZooKeeperPanel>(),
  // brokers
  QuorumReplica: same<api.QuorumReplica, server.QuorumReplica>(),
  BrokerSummary: same<api.BrokerSummary, server.BrokerSummary>(),
  BrokerDetail: same<api.BrokerDetail, server.BrokerDetail>(),
  // topics
  SystemTopicOwner: same<api.SystemTopicOwner, server.SystemTopicOwner>(),
  TopicSummary: same<api.TopicSummary, server.TopicSummary>(),
  TopicPartitionView: same<api.TopicPartitionView, server.TopicPartitionView>(),
  TopicDetail: same<api.TopicDetail, server.TopicDetail>(),
  TopicPreset: same<api.TopicPreset, server.TopicPreset>(),
  TruncateTarget: same<api.TruncateTarget, server.TruncateTarget>(),
  TruncationRow: same<api.TruncationRow, server.TruncationRow>(),
  MessageCountSpec: same<api.MessageCountSpec, ServerMessageCountSpec>(),
  MessageCountProgress: same<api.MessageCountProgress, server.MessageCountProgress>(),
  // groups
  PartitionLag: same<api.PartitionLag, server.PartitionLag>(),
  GroupSummary: same<api.GroupSummary, server.GroupSummary>(),
  GroupList: same<api.GroupList, server.GroupList>(),
  GroupMember: same<api.GroupMember, server.GroupMember>(),
  GroupDetail: same<api.GroupDetail, server.GroupDetail>(),
  ResetTo: same<api.ResetTo, server.ResetTo>(),
  ResetRow: same<api.ResetRow, server.ResetRow>(),
  ResetPlan: same<api.ResetPlan, server.ResetPlan>(),
  // security
  AclBinding: same<api.AclBinding, server.AclBinding>(),
  AclPage: same<api.AclPage, server.AclPage>(),
  ScramUser: same<api.ScramUser, server.ScramUser>(),
  ClientQuota: same<api.ClientQuota, server.ClientQuota>(),
  // messages
  Payload: same<api.Payload, server.Payload>(),
  PayloadEncoding: same<api.PayloadEncoding, server.PayloadEncoding>(),
  MessageCompression: same<api.MessageCompression, server.MessageCompression>(),
  Isolation: same<api.Isolation, server.Isolation>(),
  RenderedMessage: same<api.RenderedMessage, server.RenderedMessage>(),
  PartitionProgress: same<api.PartitionProgress, server.PartitionProgress>(),
  ScanProgress: same<api.ScanProgress, server.ScanProgress>(),
  StopReason: same<api.StopReason, server.StopReason>(),
  MessageFilter: same<api.MessageFilter, server.MessageFilter>(),
  StartAt: same<api.StartAt, server.StartAt>(),
  ResolvedBrowse: same<api.ResolvedBrowse, ServerResolvedBrowse>(),
  BrowseResult: same<api.BrowseResult, server.BrowseResult>(),
  ResolvedSearch: same<api.ResolvedSearch, ServerResolvedSearch>(),
  SearchEvent: same<api.SearchEvent, server.SearchEvent>(),
  SearchStreamEvent: same<api.SearchStreamEvent, server.SearchStreamEvent>(),
  ResolvedProduce: same<api.ResolvedProduce, server.ProduceRequest>(),
  ProduceResult: same<api.ProduceResult, server.ProduceResult>(),
  // replicas
  PlannedMove: same<api.PlannedMove, server.PlannedMove>(),
  BrokerLoad: same<api.BrokerLoad, server.BrokerLoad>(),
  ReassignmentPlan: same<api.ReassignmentPlan, server.ReassignmentPlan>(),
  PartitionMoveState: same<api.PartitionMoveState, server.PartitionMoveState>(),
  ReassignmentProgress: same<api.ReassignmentProgress, server.ReassignmentProgress>(),
  ReassignmentSpec: same<api.ReassignmentSpec, ServerReassignmentSpec>(),
  ElectionOutcome: same<api.ElectionOutcome, server.ElectionOutcome>(),
  // jobs
  JobState: same<api.JobState, server.JobState>(),
  JobView: same<api.JobView, server.JobView>(),
  JobEventView: same<api.JobEventView, server.JobEventView>(),
  JobDetailView: same<api.JobDetailView, server.JobDetailView>(),
  // auth
  User: same<api.User, PublicUser>(),
  ApiTokenView: same<api.ApiTokenView, ServerApiToken>(),
};

// The callers' forms accept what the server's interfaces describe a caller sending.
const callerForms = {
  BrowseQuery: same<server.BrowseQuery extends api.BrowseQuery ? true : false, true>(),
  SearchRequest: same<server.SearchRequest extends api.SearchRequest ? true : false, true>(),
  ProduceRequest: same<server.ProduceRequest extends api.ProduceRequest ? true : false, true>(),
};

test("every contract type matches the server's declaration of it (checked when this file type-checks)", () => {
  assert.ok(Object.values({ ...checks, ...callerForms }).every((checked) => checked === true));
});

type ServerApp = Awaited<ReturnType<typeof createTestApp>>;
let app: ServerApp;
let baseUrl: string;

before(async () => {
  // The real CSRF guard: writes are sent exactly as the client sends them.
  app = await createTestApp({ consoleOrigin: false });
  await app.http.listen({ port: 0, host: '127.0.0.1' });
  const address = app.http.server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${address.port}`;
});
after(() => app.close());

test('routes names exactly the routes the server registers under /api/v1', () => {
  const registered = new Set(
    app.routes
      .filter((route) => route.url.startsWith(contract.API_PREFIX) && route.method !== 'HEAD')
      .map((route) => route.url.slice(contract.API_PREFIX.length))
      .filter((url) => url !== ''),
  );
  const declared = new Set(Object.values(contract.routes).flatMap((noun) => Object.values(noun) as string[]));
  assert.deepEqual(
    [...registered].filter((url) => !declared.has(url)).sort(),
    [],
    'registered but not in routes',
  );
  assert.deepEqual(
    [...declared].filter((url) => !registered.has(url)).sort(),
    [],
    'in routes but not registered',
  );
});

FormatRegistry.Set('date-time', (value) => !Number.isNaN(Date.parse(value)));
FormatRegistry.Set('uuid', (value) => /^[0-9a-f-]{36}$/i.test(value));
const assertShape = (schema: TSchema, value: unknown, what: string) => {
  assert.deepEqual(
    [...Value.Errors(schema, value)].map((e) => `${e.path}: ${e.message}`),
    [],
    what,
  );
  assert.deepEqual(Value.Clean(schema, structuredClone(value)), value, `${what} has undeclared fields`);
};

test('the client logs in, writes with its cookie through the CSRF guard, then works with a token', async () => {
  const login = await contract
    .createWeirClient({ baseUrl })
    .auth.login({ username: 'admin', password: TEST_ADMIN_PASSWORD });
  assert.equal(login.user.username, 'admin');
  assert.match(login.sessionCookie ?? '', /^weir_session=./);
  const withCookie = contract.createWeirClient({ baseUrl, auth: { cookie: login.sessionCookie ?? '' } });
  const created = await withCookie.auth.createToken({ name: 'contract test' });
  assertShape(contract.CreatedApiToken, created, 'CreatedApiToken');

  const withToken = contract.createWeirClient({ baseUrl, auth: { bearer: created.secret } });
  assertShape(contract.User, await withToken.auth.me(), 'User');
  assertShape(contract.ApiTokenList, await withToken.auth.listTokens(), 'ApiTokenList');
  assertShape(contract.TopicPresets, await withToken.topics.presets(), 'TopicPresets');
  assertShape(contract.ClusterList, { clusters: await withToken.clusters.list() }, 'ClusterList');
  const audit = await withToken.audit.list({ limit: 5 });
  assert.ok(audit.entries.length > 0);
  assertShape(contract.AuditPage, audit, 'AuditPage');
  await withCookie.auth.logout();
});

test("the server's problems arrive as ApiProblem: not found, invalid input with each problem, no login", async () => {
  const { sessionCookie } = await contract
    .createWeirClient({ baseUrl })
    .auth.login({ username: 'admin', password: TEST_ADMIN_PASSWORD });
  const client = contract.createWeirClient({ baseUrl, auth: { cookie: sessionCookie ?? '' } });
  const unknownId = '0b6f3c1e-7d0a-4c5b-9a7e-2f1d8c9b4a10';
  const missing = await client.clusters.get(unknownId).catch((caught: unknown) => caught);
  assert.ok(missing instanceof contract.ApiProblem);
  assert.equal(missing.status, 404);
  assertShape(
    contract.Problem,
    { type: missing.type, title: missing.title, status: missing.status, detail: missing.detail },
    'Problem',
  );

  const invalid = await client.topics
    .create(unknownId, { name: 'orders', partitions: 0, replicationFactor: 1 })
    .catch((caught: unknown) => caught);
  assert.ok(invalid instanceof contract.ApiProblem);
  assert.equal(invalid.status, 400);
  assert.deepEqual(invalid.problems, ['body.partitions: is 0; use at least 1.']);

  const anonymous = await contract
    .createWeirClient({ baseUrl })
    .auth.me()
    .catch((caught: unknown) => caught);
  assert.ok(anonymous instanceof contract.ApiProblem);
  assert.equal(anonymous.status, 401);
});
