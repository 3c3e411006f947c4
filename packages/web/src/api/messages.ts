import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BrowseQuery,
  BrowseResult,
  ProduceRequest,
  ProduceResult,
  SearchRequest,
  SearchStreamEvent,
} from '@weir/server/api-types';
import { apiDownload, apiRequest, apiStream } from './client.ts';

export type {
  BrowseQuery,
  MessageCompression,
  MessageFilter,
  PartitionProgress,
  Payload,
  PayloadEncoding,
  ProduceRequest,
  RenderedMessage,
  ScanProgress,
  SearchRequest,
  SearchStreamEvent,
  StartAt,
  StopReason,
} from '@weir/server/api-types';

const messagesPath = (clusterId: string, topic: string) =>
  `/clusters/${clusterId}/topics/${encodeURIComponent(topic)}/messages`;

export function useBrowse(clusterId: string, topic: string, query: BrowseQuery | null) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {}))
    if (value !== undefined) params.set(key, String(value));
  return useQuery({
    queryKey: ['cluster', clusterId, 'messages', topic, query],
    queryFn: () => apiRequest<BrowseResult>(`${messagesPath(clusterId, topic)}?${params}`),
    enabled: query !== null,
    retry: false,
  });
}

export const searchMessages = (
  clusterId: string,
  topic: string,
  request: SearchRequest,
  onEvent: (event: SearchStreamEvent) => void,
  signal: AbortSignal,
) => apiStream<SearchStreamEvent>(`${messagesPath(clusterId, topic)}/search`, request, onEvent, signal);

export const exportMessages = (
  clusterId: string,
  topic: string,
  request: SearchRequest & { format: 'json' | 'csv' },
) => apiDownload(`${messagesPath(clusterId, topic)}/export`, request);

export function useProduce(clusterId: string, topic: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProduceRequest) =>
      apiRequest<ProduceResult>(messagesPath(clusterId, topic), { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['cluster', clusterId, 'messages', topic] }),
  });
}
