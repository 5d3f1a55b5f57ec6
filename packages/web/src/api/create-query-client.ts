import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ParleyError } from '@parley/sdk';
import { isUnauthenticated } from './auth-errors.js';

/**
 * The session's TanStack Query client. Client errors (4xx) are final and never retried; network and
 * server errors are retried twice. Any `401 UNAUTHENTICATED` calls `onUnauthenticated` (the session expired).
 */
export function createQueryClient(onUnauthenticated: () => void): QueryClient {
  const onError = (error: unknown) => {
    if (isUnauthenticated(error)) onUnauthenticated();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => !(error instanceof ParleyError && error.status >= 400 && error.status < 500) && failures < 2,
      },
    },
  });
}
