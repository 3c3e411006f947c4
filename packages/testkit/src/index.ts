export type { BrokerInfo, KafkaCluster, StartKafkaOptions } from './cluster.ts';
export { startKafkaCluster } from './cluster.ts';
export type { SaslUser } from './config-files.ts';
export { DEFAULT_SASL_USERS, unsecuredOauthToken } from './config-files.ts';
export {
  allowAcl,
  commitOffsets,
  createManyTopics,
  createTopic,
  produceRecords,
  setQuota,
  startConsumer,
  type TransactionToWrite,
  writeTransactions,
} from './data.ts';
export { kafkaCacheDir, resolveKafkaJars } from './jars.ts';
export { runKafkaTool } from './kafka-tool.ts';
export { AWKWARD_GROUP_IDS, randomGroupIds, randomTopicNames, seededRandom } from './names.ts';
export type { KafkaVersionName } from './versions.ts';
export { KAFKA_VERSIONS, resolveRelease } from './versions.ts';
export type { RunningWeir } from './weir-process.ts';
export { startWeir, WEIR_BIN, WEIR_NODE_FLAGS } from './weir-process.ts';
