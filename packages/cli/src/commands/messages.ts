import { readFileSync, writeFileSync } from 'node:fs';
import {
  type BrowseQuery,
  EXPORT_FORMATS,
  ISOLATIONS,
  KEY_PARTITIONERS,
  type KeyLookup,
  MESSAGE_COMPRESSIONS,
  PAYLOAD_ENCODINGS,
  type Payload,
  type ProduceRequest,
  type RenderedMessage,
  type SearchCoverage,
  type SearchRequest,
} from '@weir/api';
import { ApiProblem } from '@weir/api/client';
import { formatTimestamp } from '@weir/api/display';
import { type Flags, parseCommandArgs, type Values } from '../args.ts';
import { CliError } from '../errors.ts';
import { type Output, outputOf, print, SESSION_OPTIONS } from '../output.ts';
import { startProgress } from '../progress.ts';
import { describeProblem, openSession, resolveCluster } from '../session.ts';
import { formatCount, renderTable } from '../table.ts';
import { assignments, integer, tagged, timestamp } from '../values.ts';

const HELP = `weir messages — read and write a topic's records

  weir messages browse <topic> --cluster <name> [--from newest|oldest|offset:N|timestamp:<ms or ISO>]
                       [--partition P] [--limit N] [--isolation read_committed|read_uncommitted]
  weir messages search <topic> --cluster <name> [filters] [--from oldest|newest:N|offset:N|timestamp:T]
                       [--partition P]... [--max-matches N] [--max-scanned N] [--max-seconds N]
                       [--resume cursor.json] [--save-cursor cursor.json] [--follow]
                       [--isolation read_committed|read_uncommitted]
      filters (all must hold): --key-contains s, --value-contains s, --value-regex r, --key-regex r,
      --json-path '$.a.b=value', --header name=value, --key-equals k (reads only the key's partition)
      --partitioner murmur2|murmur2_random|consistent|consistent_random|fnv1a|fnv1a_random: how the
          key's producer chose its partition (murmur2, the Java client's, by default; librdkafka's
          default is consistent_random); --all-partitions: look the key up in every partition
  weir messages export <topic> --cluster <name> --format json|csv --output <file> [filters as for search]
  weir messages produce <topic> --cluster <name> [--key k] [--value v] [--header k=v]... [--partition P]
                        [--file records.ndjson] [--encoding text|json|base64|hex] [--compression none|gzip|snappy|lz4|zstd]
      --file: one JSON object per line, {"key":…, "value":…, "headers":[{"name":…, "value":…}], "partition":…}

  --isolation: read_committed (the default) leaves out records of aborted transactions and stops at the
      last stable offset; read_uncommitted shows them, marked "aborted" in the TRANSACTION column.

Search and export progress goes to stderr (redrawn in place on a terminal), the records to stdout.

Common: --url, --token, --json (search prints one JSON event per line), --utc | --local`;

const OPTIONS = {
  ...SESSION_OPTIONS,
  cluster: { type: 'string' },
  from: { type: 'string' },
  partition: { type: 'string', multiple: true },
  limit: { type: 'string' },
  'key-contains': { type: 'string' },
  'key-equals': { type: 'string' },
  partitioner: { type: 'string', choices: KEY_PARTITIONERS },
  'all-partitions': { type: 'boolean' },
  'key-regex': { type: 'string' },
  'value-contains': { type: 'string' },
  'value-regex': { type: 'string' },
  'json-path': { type: 'string', multiple: true },
  header: { type: 'string', multiple: true },
  'max-matches': { type: 'string' },
  'max-scanned': { type: 'string' },
  'max-seconds': { type: 'string' },
  resume: { type: 'string' },
  'save-cursor': { type: 'string' },
  follow: { type: 'boolean' },
  isolation: { type: 'string', choices: ISOLATIONS },
  format: { type: 'string', choices: EXPORT_FORMATS },
  output: { type: 'string' },
  key: { type: 'string' },
  value: { type: 'string' },
  file: { type: 'string' },
  encoding: { type: 'string', choices: PAYLOAD_ENCODINGS },
  compression: { type: 'string', choices: MESSAGE_COMPRESSIONS },
} as const satisfies Flags;

const show = (payload: Payload) =>
  payload.kind === 'null'
    ? '(null)'
    : payload.kind === 'binary'
      ? `base64:${payload.base64}`
      : (payload.text ?? '');
/** A record's timestamp with milliseconds, in the chosen zone. */
const when = (output: Output, m: RenderedMessage) =>
  m.timestamp === null ? 'no timestamp' : formatTimestamp(m.timestamp, output.zone, true);
/** `-` outside a transaction, else its state and the producer id/epoch, e.g. `aborted 1000/0`. */
const transaction = (m: RenderedMessage) =>
  m.transactionState === null
    ? '-'
    : `${m.transactionState} ${m.producerId ?? '?'}/${m.producerEpoch ?? '?'}`;
const COLUMNS = ['PARTITION', 'OFFSET', 'TIMESTAMP', 'TIMESTAMP TYPE', 'TRANSACTION', 'KEY', 'VALUE'];
const row = (output: Output, m: RenderedMessage) => [
  String(m.partition),
  String(m.offset),
  when(output, m),
  m.timestampType ?? '-',
  transaction(m),
  show(m.key),
  show(m.value),
];
/** The --isolation flag (its values checked by the parser). */
const isolation = (values: Values) => values.isolation as (typeof ISOLATIONS)[number] | undefined;

/**
 * The partitioner named by --partitioner (its value is checked against KEY_PARTITIONERS with the
 * other fixed-value flags); the server's default (murmur2) when left out.
 */
function partitioner(values: Values): string | undefined {
  const chosen = values.partitioner as string | undefined;
  if ((chosen !== undefined || values['all-partitions']) && values['key-equals'] === undefined)
    throw new CliError('--partitioner and --all-partitions go with --key-equals <key>.', 2);
  return chosen;
}

/** "key in partition 3 by murmur2": what a key lookup assumed. */
function keyLookupLine(lookup: KeyLookup): string {
  if (lookup.partition === null)
    return `${lookup.partitioner} places this key at random: all partitions read`;
  return lookup.scope === 'all'
    ? `key looked up in all partitions (${lookup.partitioner} gives partition ${lookup.partition})`
    : `key in partition ${lookup.partition} by ${lookup.partitioner}`;
}

/** "scanned the newest 50 per partition: 300 of 4,012 records": where a search started and how much it read. */
function coveredLine(covered: SearchCoverage): string {
  const { start } = covered;
  const where =
    start.type === 'newest'
      ? `scanned the newest ${start.count} per partition`
      : start.type === 'offset'
        ? `scanned from offset ${start.offset}`
        : start.type === 'timestamp'
          ? `scanned from ${formatTimestamp(start.timestamp)}`
          : start.type === 'cursor'
            ? 'continued where the cursor stopped'
            : 'scanned from the oldest';
  const count = (n: number) => n.toLocaleString('en');
  const total = covered.total === null ? '?' : `${covered.estimated ? '≈' : ''}${count(covered.total)}`;
  const gaps = covered.estimated ? ' (offsets counted: compaction or transactions leave gaps)' : '';
  return `${where}: ${count(covered.scanned)} of ${total} records${gaps}`;
}

/** The search flags as the API's request; the server validates them (regexes, JSONPath, cursor). */
function searchBody(values: Values): SearchRequest {
  const filters: Record<string, unknown>[] = [];
  const add = (flag: string, target: string, match: string) => {
    if (values[flag] !== undefined) filters.push({ target, match, value: values[flag] });
  };
  add('key-contains', 'key', 'contains');
  add('key-regex', 'key', 'regex');
  add('value-contains', 'value', 'contains');
  add('value-regex', 'value', 'regex');
  for (const [path, value] of assignments(values['json-path'] as string[], 'json-path'))
    filters.push({ target: 'value', match: 'jsonPath', path, value });
  for (const [header, value] of assignments(values.header as string[], 'header'))
    filters.push({ target: 'header', header, match: 'equals', value });
  let start: Record<string, unknown> | undefined;
  if (values.from) {
    const from = tagged(String(values.from), 'from', ['oldest', 'newest', 'offset', 'timestamp']);
    start =
      from.kind === 'oldest'
        ? { type: 'oldest' }
        : from.kind === 'newest'
          ? { type: 'newest', count: integer(from.argument ?? '1000', 'from newest') }
          : from.kind === 'offset'
            ? { type: 'offset', offset: integer(from.argument ?? '', 'from offset') }
            : { type: 'timestamp', timestamp: timestamp(from.argument ?? '', 'from timestamp') };
  }
  const seconds = integer(values['max-seconds'] as string, 'max-seconds');
  const keyPartitioner = partitioner(values);
  return {
    filters,
    start,
    partitions: (values.partition as string[] | undefined)?.map((p) => integer(p, 'partition')),
    key:
      values['key-equals'] !== undefined
        ? {
            value: values['key-equals'],
            encoding: 'text',
            partitioner: keyPartitioner,
            scope: values['all-partitions'] ? 'all' : undefined,
          }
        : undefined,
    cursor: values.resume ? JSON.parse(readFileSync(String(values.resume), 'utf8')) : undefined,
    maxMatches: integer(values['max-matches'] as string, 'max-matches'),
    maxScanned: integer(values['max-scanned'] as string, 'max-scanned'),
    maxMs: seconds === undefined ? undefined : seconds * 1000,
    isolation: isolation(values),
  } as SearchRequest;
}

export async function messagesCommand(args: string[]): Promise<void> {
  const { values, positionals, action } = parseCommandArgs(args, OPTIONS, HELP, {
    command: 'messages',
    actions: ['browse', 'search', 'export', 'produce'],
  });
  const topic = positionals[1];
  const output = outputOf(values);
  if (!topic) throw new CliError(`Name the topic: weir messages ${action} <topic> --cluster <name>`, 2);
  const session = openSession(values);
  const cluster = await resolveCluster(session, values.cluster as string | undefined);
  const messagesApi = session.api.messages;
  const json = output.json;

  if (action === 'browse') {
    const from = tagged(String(values.from ?? 'newest'), 'from', ['newest', 'oldest', 'offset', 'timestamp']);
    const query: BrowseQuery = { from: from.kind as BrowseQuery['from'] };
    if (from.kind === 'offset') query.offset = integer(from.argument ?? '', 'from offset');
    if (from.kind === 'timestamp') query.timestamp = timestamp(from.argument ?? '', 'from timestamp');
    const partition = (values.partition as string[] | undefined)?.[0];
    if (partition !== undefined) query.partition = integer(partition, 'partition');
    if (values.limit) query.limit = integer(values.limit as string, 'limit');
    query.isolation = isolation(values);
    const page = await messagesApi.browse(cluster.id, topic, query);
    return print(output, page, () =>
      renderTable(
        COLUMNS,
        page.messages.map((m) => row(output, m)),
      ),
    );
  }

  if (action === 'search') {
    const body = { ...searchBody(values), follow: values.follow ? true : undefined };
    let found = 0;
    const events = await messagesApi.search(cluster.id, topic, body).catch((error: unknown) => {
      // A refused search has always printed the problem's detail alone.
      throw error instanceof ApiProblem ? new CliError(describeProblem(error, false), 1, error) : error;
    });
    const progress = startProgress();
    for await (const event of events) {
      if (json) {
        console.log(JSON.stringify(event));
        continue;
      }
      if (event.type === 'match') {
        found++;
        const m = event.message;
        console.log(row(output, m).join('\t'));
      } else if (event.type === 'progress') {
        const p = event.progress;
        progress.update(`scanned ${formatCount(p.scanned)}, matched ${formatCount(p.matched)}`);
      } else if (event.type === 'end') {
        const scanned = event.progress;
        progress.done(
          `scanned ${formatCount(scanned.scanned)}, matched ${formatCount(found)}: stopped (${String(event.reason)})`,
        );
        if (event.keyLookup) process.stderr.write(`${keyLookupLine(event.keyLookup)}\n`);
        process.stderr.write(`${coveredLine(event.covered)}\n`);
        if (event.keyLookup?.searchAllPartitions)
          process.stderr.write(
            `No record with this key in partition ${event.keyLookup.partition}, where ${event.keyLookup.partitioner} puts it; a producer with another partitioner may have written it elsewhere: run again with --all-partitions, or --partitioner <the producer's>.\n`,
          );
        if (values['save-cursor'])
          writeFileSync(String(values['save-cursor']), JSON.stringify({ partitions: scanned.partitions }));
        if (event.reason !== 'end' && !values['save-cursor'])
          process.stderr.write(
            'Not finished: run again with --save-cursor <file>, then --resume <file> to continue.\n',
          );
      } else if (event.type === 'error') {
        throw new CliError(`Search failed: ${String(event.message)}`, 1);
      }
    }
    return;
  }

  if (action === 'export') {
    const format = values.format as (typeof EXPORT_FORMATS)[number] | undefined;
    if (!format) throw new CliError('--format json or --format csv is required.', 2);
    if (!values.output) throw new CliError('--output <file> is required.', 2);
    const progress = startProgress();
    progress.update(`exporting ${topic} as ${format}...`);
    const file = await messagesApi.export(cluster.id, topic, {
      ...searchBody(values),
      format,
    });
    const text = await file.response.text();
    writeFileSync(String(values.output), text);
    progress.done(`exported ${topic}: stopped (${file.stopReason || 'end'})`);
    return print(
      output,
      { file: String(values.output), bytes: Buffer.byteLength(text), stopReason: file.stopReason },
      () => `Wrote ${String(values.output)}.`,
    );
  }

  const encoding = String(values.encoding ?? 'text');
  let messages: Record<string, unknown>[];
  if (values.file) {
    messages = readFileSync(String(values.file), 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line, index) => {
        try {
          return JSON.parse(line) as Record<string, unknown>;
        } catch {
          throw new CliError(`${String(values.file)} line ${index + 1} is not a JSON object.`, 2);
        }
      });
  } else {
    if (values.value === undefined && values.key === undefined)
      throw new CliError('Give --value (and optionally --key), or --file with one record per line.', 2);
    messages = [
      {
        key: values.key,
        value: values.value,
        headers: assignments(values.header as string[], 'header').map(([name, value]) => ({ name, value })),
        partition: integer((values.partition as string[] | undefined)?.[0], 'partition'),
      },
    ];
  }
  const result = await messagesApi.produce(cluster.id, topic, {
    messages,
    keyEncoding: 'text',
    valueEncoding: encoding,
    compression: values.compression ?? 'none',
  } as ProduceRequest);
  print(
    output,
    result,
    () =>
      `Wrote ${formatCount(result.written)} record(s): ${result.partitions.map((p) => `partition ${p.partition} from offset ${p.baseOffset}`).join(', ')}`,
  );
}
