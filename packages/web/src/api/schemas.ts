import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SchemaInput } from '@weir/api/schemas';
import { weir } from './weir.ts';

export type { SchemaFormatName, SchemaInput, SchemaView } from '@weir/api/schemas';
export { SCHEMA_FORMATS } from '@weir/api/schemas';

const schemasKey = ['schemas'] as const;

/** The uploaded schemas, with the types each defines. */
export const useSchemas = () => useQuery({ queryKey: schemasKey, queryFn: () => weir.schemas.list() });

/**
 * Upload a schema, or replace the one of that name. Topics whose rules name it decode with it at
 * once, so their message reads are dropped too.
 */
export function useUploadSchema() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, replace }: { input: SchemaInput; replace: boolean }) =>
      replace ? weir.schemas.replace(input.name, input) : weir.schemas.create(input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: schemasKey }),
        queryClient.invalidateQueries({
          predicate: (query) => query.queryKey[0] === 'cluster' && query.queryKey[2] === 'messages',
        }),
      ]),
  });
}

/** Removes a schema; `confirmName` repeats its name. */
export function useRemoveSchema() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => weir.schemas.remove(name, name),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: schemasKey }),
  });
}
