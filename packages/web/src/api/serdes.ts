import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SerdeRules } from '@weir/api/serdes';
import { weir } from './weir.ts';

export type {
  ResolvedSerde,
  SerdeChoice,
  SerdeRule,
  SerdeRules,
  SerdeView,
  TopicSerdes,
} from '@weir/api/serdes';

/**
 * How a topic's keys, values and headers are read and written: the serde the cluster's rules chose
 * (or automatic), its schema and whether it encodes. Kept under the topic's messages key, so a
 * plugin or rule change that drops message reads drops this too.
 */
export function useTopicSerdes(clusterId: string, topic: string) {
  return useQuery({
    queryKey: ['cluster', clusterId, 'messages', topic, 'serdes'],
    queryFn: () => weir.serdes.forTopic(clusterId, topic),
  });
}

/** Every serde the active plugins contribute: what each needs and whether it encodes. */
export const useSerdes = () => useQuery({ queryKey: ['serdes'], queryFn: () => weir.serdes.list() });

/** A cluster's serde rules, first match wins. */
export const useSerdeRules = (clusterId: string) =>
  useQuery({ queryKey: ['cluster', clusterId, 'serde-rules'], queryFn: () => weir.serdes.rules(clusterId) });

/** Replaces a cluster's rules; records read after it decode by the new ones. */
export function useSaveSerdeRules(clusterId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rules: SerdeRules) => weir.serdes.saveRules(clusterId, rules),
    onSuccess: (saved) => {
      queryClient.setQueryData(['cluster', clusterId, 'serde-rules'], saved);
      return queryClient.invalidateQueries({
        predicate: (query) => query.queryKey[1] === clusterId && query.queryKey[2] === 'messages',
      });
    },
  });
}
