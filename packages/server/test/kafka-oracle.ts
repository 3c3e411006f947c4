import { runKafkaTool } from '@weir/testkit';

export interface OraclePartition {
  partition: number;
  leader: number | null;
  replicas: number[];
  isr: number[];
}

const numbers = (text: string | undefined) => (text ? text.split(',').filter(Boolean).map(Number) : []);

/**
 * Partitions as `kafka-topics --describe` prints them. Before 2.2 the tool reaches the cluster only
 * through ZooKeeper: pass `{ zookeeper }` for those.
 */
export async function describeTopicWithKafka(
  version: string,
  bootstrap: string | { zookeeper: string },
  topic: string,
): Promise<OraclePartition[]> {
  const output = await runKafkaTool(version, 'kafka-topics', [
    ...(typeof bootstrap === 'string'
      ? ['--bootstrap-server', bootstrap]
      : ['--zookeeper', bootstrap.zookeeper]),
    '--describe',
    '--topic',
    topic,
  ]);
  return output
    .split('\n')
    .filter((line) => /\bPartition:\s*\d+/.test(line))
    .map((line) => {
      const field = (name: string) => new RegExp(`${name}:\\s*(\\S*)`).exec(line)?.[1];
      const leader = Number(field('Leader'));
      return {
        partition: Number(field('Partition')),
        leader: Number.isNaN(leader) || leader < 0 ? null : leader,
        replicas: numbers(field('Replicas')),
        isr: numbers(field('Isr')),
      };
    })
    .sort((a, b) => a.partition - b.partition);
}

export interface OracleLag {
  topic: string;
  partition: number;
  /** Null where the tool prints "-" (no committed offset). */
  committedOffset: number | null;
  endOffset: number;
  /** Null where the tool prints "-". */
  lag: number | null;
}

const numberOrDash = (cell: string) => (cell === '-' ? null : Number(cell));

/**
 * Per-partition offsets and lag as `kafka-consumer-groups --describe` prints them. The tool prints
 * no rows, only a warning, when its request to the coordinator timed out (seen on a loaded machine);
 * it is asked again then, up to three times, since every group these tests describe has offsets.
 * @throws Error with the tool's last output when it never printed a row.
 */
export async function describeGroupWithKafka(
  version: string,
  bootstrap: string,
  group: string,
): Promise<OracleLag[]> {
  let output = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    output = await runKafkaTool(version, 'kafka-consumer-groups', [
      '--bootstrap-server',
      bootstrap,
      '--describe',
      '--group',
      group,
    ]);
    const rows = groupRows(output);
    if (rows.length > 0) return rows;
  }
  throw new Error(`kafka-consumer-groups printed no partition of group ${group}:\n${output}`);
}

function groupRows(output: string): OracleLag[] {
  // Columns are found by their header: Kafka before 2.3 prints no GROUP column.
  const rows = output.split('\n').map((line) => line.trim().split(/\s+/));
  const header = rows.find((cells) => cells.includes('PARTITION') && cells.includes('LAG')) ?? [];
  const column = (cells: string[], name: string) => cells[header.indexOf(name)] ?? '';
  return rows
    .filter((cells) => cells !== header && /^\d+$/.test(column(cells, 'PARTITION')))
    .map((cells) => ({
      topic: column(cells, 'TOPIC'),
      partition: Number(column(cells, 'PARTITION')),
      committedOffset: numberOrDash(column(cells, 'CURRENT-OFFSET')),
      endOffset: Number(column(cells, 'LOG-END-OFFSET')),
      lag: numberOrDash(column(cells, 'LAG')),
    }))
    .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
}
