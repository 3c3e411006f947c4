import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NewApiToken, PasswordChange, User } from '@weir/api/auth';
import { ApiProblem, weir } from './weir.ts';

export const meQueryKey = ['auth', 'me'] as const;

/** The logged-in user, or null when there is no session. */
export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: async (): Promise<User | null> => {
      try {
        return await weir.auth.me();
      } catch (error) {
        if (error instanceof ApiProblem && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { username: string; password: string }) => weir.auth.login(credentials),
    onSuccess: ({ user }) => queryClient.setQueryData(meQueryKey, user),
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => weir.auth.logout(),
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}

/** Changes the caller's password (current and new); the server ends the user's other sessions. */
export function useChangePassword() {
  return useMutation({ mutationFn: (change: PasswordChange) => weir.auth.changePassword(change) });
}

export const apiTokensQueryKey = ['auth', 'tokens'] as const;

/** The caller's personal API tokens, without their secrets. */
export function useApiTokens(enabled = true) {
  return useQuery({
    queryKey: apiTokensQueryKey,
    queryFn: async () => (await weir.auth.listTokens()).tokens,
    enabled,
  });
}

/** Creates a token; its answer holds the secret, which the server never shows again. */
export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: NewApiToken) => weir.auth.createToken(token),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokensQueryKey }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => weir.auth.revokeToken(tokenId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: apiTokensQueryKey }),
  });
}
