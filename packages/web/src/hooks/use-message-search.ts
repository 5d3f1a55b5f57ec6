import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys.js';
import { useApi } from './use-api.js';

/** Hits per page (the contract allows 1..50). */
const PAGE_SIZE = 20;

/**
 * Full-text search over the caller's conversations (`GET /api/search/messages`), best match first, one cursor page at
 * a time. Asks nothing while `q` (trimmed) is empty; while a new query runs, the previous hits stay on screen.
 */
export function useMessageSearch(q: string) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: queryKeys.messageSearch(q),
    queryFn: ({ pageParam }) => api.messages.search({ q, limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null, // the first page has no cursor; later ones take the server's
    getNextPageParam: (page) => page.nextCursor,
    enabled: q !== '',
    placeholderData: keepPreviousData,
  });
}
