import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiDownload, apiRequest, apiStream } from './client.ts';

export type Payload =
  | { kind: 'null'; size: number }
  | { kind: 'text' | 'json'; text: string; size: number; truncated?: boolean }
  | { kind: 'binary'; base64: string; size: number; truncated?: boolean };

export interface Message {
  partition: number;
  offset: number;
  timestamp: number;
  key: Payload;
  value: Payload;
  headers: { name: string; value: Payload }[];
  size: number;
}

export interface PartitionPosition {
  partition: number;
  position: number;
  end: number | null;
  done: boolean;
  error?: string;
}

export interface ScanProgress {
  scanned: number;
  matched: number;
  elapsedMs: number;
  partitions: PartitionPosition[];
}

export type StopReason = 'end' | 'limit' | 'scan-budget' | 'time-budget' | 'regex-timeout' | 'cancelled';

export type SearchEvent =
  | { type: 'start'; partitions: PartitionPosition[]; keyPartition: number | null }
  | { type: 'match'; message: Message }
  | { type: 'progress'; progress: ScanProgress }
  | { type: 'end'; reason: StopReason; progress: ScanProgress }
  | { type: 'error'; message: string };

export interface MessageFilter {
  target: 'key' | 'value' | 'header';
  header?: string;
  match: 'contains' | 'equals' | 'regex' | 'jsonPath';
  value: string;
  path?: string;
  ignoreCase?: boolean;
}

export type StartAt =
  | { type: 'oldest' }
  | { type: 'newest'; count: number }
  | { type: 'offset'; offset: number }
  | { type: 'timestamp'; timestamp: number };

export interface SearchRequest {
  filters: MessageFilter[];
  start?: StartAt;
  cursor?: { partitions: { partition: number; position: number; end: number | null }[] };
  partitions?: number[];
  key?: { value: string; encoding: 'text' };
  follow?: boolean;
  maxMatches?: number;
  maxMs?: number;
  maxScanned?: number;
}

export interface BrowseQuery {
  from: 'newest' | 'oldest' | 'offset' | 'timestamp';
  offset?: number;
  timestamp?: number;
  partition?: number;
  limit: number;
}

export type Encoding = 'text' | 'json' | 'base64' | 'hex';
export type Compression = 'none' | 'gzip' | 'snappy' | 'lz4' | 'zstd';

export interface ProduceRequest {
  messages: {
    key?: string | null;
    value?: string | null;
    headers?: { name: string; value: string }[];
    partition?: number;
  }[];
  keyEncoding: Encoding;
  valueEncoding: Encoding;
  compression: Compression;
}

const messagesPath = (clusterId: string, topic: string) =>
  `/clusters/${clusterId}/topics/${encodeURIComponent(topic)}/messages`;

export function useBrowse(clusterId: string, topic: string, query: BrowseQuery | null) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {}))
    if (value !== undefined) params.set(key, String(value));
  return useQuery({
    queryKey: ['cluster', clusterId, 'messages', topic, query],
    queryFn: () =>
      apiRequest<{ messages: Message[]; reason: StopReason; partitions: PartitionPosition[] }>(
        `${messagesPath(clusterId, topic)}?${params}`,
      ),
    enabled: query !== null,
    retry: false,
  });
}

export const searchMessages = (
  clusterId: string,
  topic: string,
  request: SearchRequest,
  onEvent: (event: SearchEvent) => void,
  signal: AbortSignal,
) => apiStream<SearchEvent>(`${messagesPath(clusterId, topic)}/search`, request, onEvent, signal);

export const exportMessages = (
  clusterId: string,
  topic: string,
  request: SearchRequest & { format: 'json' | 'csv' },
) => apiDownload(`${messagesPath(clusterId, topic)}/export`, request);

export function useProduce(clusterId: string, topic: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProduceRequest) =>
      apiRequest<{ written: number; partitions: { partition: number; baseOffset: number; count: number }[] }>(
        messagesPath(clusterId, topic),
        { method: 'POST', body },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['cluster', clusterId, 'messages', topic] }),
  });
}
