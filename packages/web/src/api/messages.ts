import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BrowseQuery,
  ExportRequest,
  KeyLookup,
  ProduceRequest,
  RenderedMessage,
  ScanProgress,
  SearchCoverage,
  SearchRequest,
  StopReason,
} from '@weir/api/messages';
import { useRef, useState } from 'react';
import { errorText, weir } from './weir.ts';

export type {
  BrowseQuery,
  KeyLookup,
  KeyPartitioner,
  KeyScope,
  MessageCompression,
  MessageFilter,
  PartitionProgress,
  Payload,
  PayloadEncoding,
  ProduceRequest,
  RenderedMessage,
  ScanProgress,
  SearchCoverage,
  SearchRequest,
  SearchStreamEvent,
  StartAt,
  StopReason,
} from '@weir/api/messages';
export { KEY_PARTITIONERS } from '@weir/api/messages';

export function useBrowse(clusterId: string, topic: string, query: BrowseQuery | null) {
  return useQuery({
    queryKey: ['cluster', clusterId, 'messages', topic, query],
    queryFn: () => weir.messages.browse(clusterId, topic, query ?? {}),
    enabled: query !== null,
    retry: false,
  });
}

/** How long a live tail follows the topic before the server ends it, in milliseconds. */
const TAIL_MAX_MS = 600_000;

/** Where a search stands: the server's last progress, why it stopped, and any error it reported. */
export interface SearchStatus {
  running: boolean;
  progress: ScanProgress | null;
  reason: StopReason | null;
  /** What a key lookup assumed (partitioner, partition, scope); null when no key is looked up. */
  keyLookup: KeyLookup | null;
  /** The key's partition held no match: the server offers the search of every partition. */
  searchAllPartitions: boolean;
  /** What the finished search covered, from its end event. */
  covered: SearchCoverage | null;
  error: string | null;
}

const idle: SearchStatus = {
  running: false,
  progress: null,
  reason: null,
  keyLookup: null,
  searchAllPartitions: false,
  covered: null,
  error: null,
};

/**
 * A streamed message search of one topic. It owns the stream: one at a time (a new search aborts the
 * one running), its matches (`found`, null until a search starts or after `clear`), and its status.
 * Matches are handed to React in batches, at each progress event, not one render per message.
 */
export function useMessageSearch(clusterId: string, topic: string) {
  const [found, setFound] = useState<RenderedMessage[] | null>(null);
  const [status, setStatus] = useState<SearchStatus>(idle);
  const abort = useRef<AbortController | null>(null);

  const run = async (request: SearchRequest, append: boolean) => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    if (!append) setFound([]);
    setStatus({ ...idle, running: true });
    const batch: RenderedMessage[] = [];
    const flush = () => {
      if (batch.length) {
        const taken = batch.splice(0);
        setFound((previous) => [...(previous ?? []), ...taken]);
      }
    };
    try {
      const events = await weir.messages.search(clusterId, topic, request, { signal: controller.signal });
      for await (const event of events) {
        if (event.type === 'match') batch.push(event.message);
        else if (event.type === 'start') setStatus((s) => ({ ...s, keyLookup: event.keyLookup }));
        else if (event.type === 'progress') {
          flush();
          setStatus((s) => ({ ...s, progress: event.progress }));
        } else if (event.type === 'end') {
          flush();
          setStatus((s) => ({
            ...s,
            progress: event.progress,
            reason: event.reason,
            covered: event.covered,
            searchAllPartitions: event.keyLookup?.searchAllPartitions ?? false,
          }));
        } else if (event.type === 'error') setStatus((s) => ({ ...s, error: event.message }));
      }
    } catch (error) {
      if (!controller.signal.aborted) setStatus((s) => ({ ...s, error: errorText(error as Error) }));
      else setStatus((s) => ({ ...s, reason: 'cancelled' }));
    } finally {
      flush();
      setStatus((s) => ({ ...s, running: false }));
    }
  };

  const { progress, reason } = status;
  /** A search that stopped before the end (limit, time, cancelled) can go on from where it was. */
  const resumable = reason !== null && reason !== 'end' && progress !== null;
  return {
    found,
    status,
    resumable,
    /** Searches from `request.start`, replacing the matches. */
    search: (request: SearchRequest) => run(request, false),
    /** Follows new records as they arrive, until stopped or for TAIL_MAX_MS. */
    tail: (request: SearchRequest) =>
      run({ ...request, start: undefined, follow: true, maxMs: TAIL_MAX_MS }, false),
    /** Goes on from the last progress in the partitions not yet done, adding to the matches. */
    resume: async (request: SearchRequest) => {
      if (!progress) return;
      await run(
        {
          ...request,
          start: undefined,
          partitions: undefined,
          cursor: { partitions: progress.partitions.filter((p) => !p.done) },
        },
        true,
      );
    },
    stop: () => abort.current?.abort(),
    /** Forgets the matches, so the browse result shows again. */
    clear: () => setFound(null),
  };
}

/** A search's matches as a file to save: its bytes and the name the server gave it. */
export async function exportMessages(
  clusterId: string,
  topic: string,
  request: ExportRequest,
): Promise<{ blob: Blob; filename: string }> {
  const file = await weir.messages.export(clusterId, topic, request);
  return { blob: await file.response.blob(), filename: file.filename };
}

export function useProduce(clusterId: string, topic: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: ProduceRequest) => weir.messages.produce(clusterId, topic, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['cluster', clusterId, 'messages', topic] }),
  });
}
