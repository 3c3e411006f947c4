/**
 * Proof that the contract loses no field: each Static type here is mutually assignable with the
 * interface or schema the server declares today. Temporary, and the only file in @weir/api that
 * looks at the server (type-only imports, erased at run time): it goes when the server's interfaces
 * and inline schemas are deleted in favour of this package (issue 12, phase 2).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Static } from '@sinclair/typebox';
import type * as server from '../../server/src/api-types.ts';
import type { ApiTokenView as ServerApiToken } from '../../server/src/auth/api-tokens.service.ts';
import type { PublicUser } from '../../server/src/auth/auth.service.ts';
import type {
  ClusterInput as ServerClusterInputSchema,
  ClusterView as ServerClusterViewSchema,
} from '../../server/src/clusters/cluster.schemas.ts';
import type { TopicSort as ServerTopicSort } from '../../server/src/clusters/topics.view.ts';
import type { Problem as ServerProblem } from '../../server/src/http/problem.ts';
import type {
  ResolvedBrowse as ServerResolvedBrowse,
  ResolvedSearch as ServerResolvedSearch,
} from '../../server/src/messages/messages.service.ts';
import type { ReassignmentSpec as ServerReassignmentSpec } from '../../server/src/replicas/reassignment.job.ts';
import type { MessageCountSpec as ServerMessageCountSpec } from '../../server/src/topics/message-count.job.ts';
import type * as api from './index.ts';

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
  TopicSort: same<api.TopicSort, ServerTopicSort>(),
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
