import { useMutation, useQueryClient, type QueryKey, type UseMutationOptions } from '@tanstack/react-query';
import type { ApiError } from './api-error';

export type MutationConfig<TData, TVariables> = Omit<UseMutationOptions<TData, ApiError, TVariables>, 'mutationFn'>;

/**
 * A mutation that invalidates `invalidates` on success and awaits the refetch; the caller's own
 * onSuccess runs after the invalidation, so it can never replace it.
 */
export function useInvalidatingMutation<TData, TVariables>(
  mutationFn: (variables: TVariables) => Promise<TData>,
  invalidates: readonly QueryKey[],
  { onSuccess, ...config }: MutationConfig<TData, TVariables> = {},
) {
  const queryClient = useQueryClient();
  return useMutation<TData, ApiError, TVariables>({
    ...config,
    mutationFn,
    onSuccess: async (...args) => {
      await Promise.all(invalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      await onSuccess?.(...args);
    },
  });
}
