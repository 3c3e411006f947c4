export type { ClusterConnection, SaslMechanism, SecurityProtocol } from './connection.ts';
export type { KafkaErrorCoordinates, KafkaErrorKind } from './errors.ts';
export { KafkaGatewayError } from './errors.ts';
export type { ApiVersionRange, BrokerNode, ClusterDescription, KafkaGateway } from './gateway.ts';
export { createKafkaGateway, withTimeout } from './gateway.ts';
export type { InferredVersion } from './version-inference.ts';
export { inferClusterMode, inferKafkaVersion } from './version-inference.ts';
