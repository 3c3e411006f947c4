import { type Admin, type Broker, createAPI, type Reader, Writer } from '@platformatic/kafka';
import { type AnyApi, rawRequest } from './raw-call.ts';

export type ElectionType = 'preferred' | 'unclean';

export interface ElectionResult {
  topic: string;
  partition: number;
  /** Null when the election happened or the preferred leader already leads. */
  error: string | null;
  /** ELECTION_NOT_NEEDED: the partition already had the leader asked for. */
  alreadyLed: boolean;
}

const ELECT_LEADERS_KEY = 43;
const ELECTION_NOT_NEEDED = 84;
const electionTypes: Record<ElectionType, number> = { preferred: 0, unclean: 1 };

type Partitions = { topic: string; partitions: number[] }[] | null;

/*
  ElectLeaders, which the client library has no codec for.
  Request v1 => election_type:INT8 [topic_partitions: topic:STRING [partition_id:INT32]] timeout_ms:INT32
  Request v2 => the same with compact arrays and strings and tagged fields (flexible).
  Response v1/v2 => throttle_time_ms:INT32 error_code:INT16
    [replica_election_results: topic [partition_result: partition_id error_code error_message]]
*/
function electLeadersApi(version: 1 | 2): AnyApi {
  const flexible = version === 2;
  const createRequest = (electionType: number, topics: Partitions, timeoutMs: number) => {
    const writer = Writer.create()
      .appendInt8(electionType)
      .appendArray(
        topics,
        (w, t) => {
          w.appendString(t.topic, flexible).appendArray(
            t.partitions,
            (w2, p) => w2.appendInt32(p),
            flexible,
            false,
          );
        },
        flexible,
        flexible,
      )
      .appendInt32(timeoutMs);
    return flexible ? writer.appendTaggedFields() : writer;
  };
  const parseResponse = (_correlationId: number, _apiKey: number, _apiVersion: number, reader: Reader) => {
    reader.readInt32();
    const errorCode = reader.readInt16();
    const results = reader.readArray(
      (r) => ({
        topic: r.readString(flexible),
        partitions: r.readArray(
          (r2) => ({
            partition: r2.readInt32(),
            errorCode: r2.readInt16(),
            errorMessage: r2.readNullableString(flexible),
          }),
          flexible,
          flexible,
        ),
      }),
      flexible,
      flexible,
    );
    if (flexible) reader.readTaggedFields();
    return { errorCode, results };
  };
  return createAPI(
    ELECT_LEADERS_KEY,
    version,
    createRequest as never,
    parseResponse as never,
    flexible,
    flexible,
  ) as unknown as AnyApi;
}

interface RawElection {
  errorCode: number;
  results: {
    topic: string;
    partitions: { partition: number; errorCode: number; errorMessage: string | null }[];
  }[];
}

/**
 * ElectLeaders at the controller for the given partitions, or every partition when `partitions` is
 * null (preferred elections only: Kafka refuses an unclean election without named partitions).
 */
export async function electLeaders(
  admin: Admin,
  controller: Broker,
  type: ElectionType,
  partitions: Partitions,
  maxVersion: number,
): Promise<ElectionResult[]> {
  const version = maxVersion >= 2 ? 2 : 1;
  const response = await rawRequest<RawElection>(
    admin,
    { custom: electLeadersApi(version) },
    [electionTypes[type], partitions, 30_000],
    { broker: controller },
  );
  if (response.errorCode !== 0) {
    throw Object.assign(new Error(`ElectLeaders failed with error code ${response.errorCode}`), {
      apiCode: response.errorCode,
    });
  }
  return response.results.flatMap((t) =>
    t.partitions.map((p) => ({
      topic: t.topic,
      partition: p.partition,
      alreadyLed: p.errorCode === ELECTION_NOT_NEEDED,
      error:
        p.errorCode === 0 || p.errorCode === ELECTION_NOT_NEEDED
          ? null
          : (p.errorMessage ?? `error code ${p.errorCode}`),
    })),
  );
}
