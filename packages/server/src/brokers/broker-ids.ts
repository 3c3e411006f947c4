import type { KafkaGateway } from '@weir/kafka';

/** The node ids of the brokers the cluster reports live now (DescribeCluster, not the snapshot). */
export async function liveBrokerIds(gateway: KafkaGateway): Promise<number[]> {
  return (await gateway.describeCluster()).brokers.map((b) => b.nodeId);
}
