import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { queryKeys, type AdminConversationFilter } from '../api/query-keys.js';
import { useApi } from './use-api.js';

/**
 * Every conversation for an admin (`GET /api/admin/conversations?search=&status=`), newest activity first, one
 * cursor page at a time; while a new filter loads, the previous rows stay on screen.
 */
export function useAdminConversations({ search, status }: AdminConversationFilter) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: queryKeys.adminConversations({ search, status }),
    queryFn: ({ pageParam }) =>
      api.admin.conversations({ ...(search ? { search } : {}), ...(status ? { status } : {}), ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null, // the first page has no cursor; later ones take the server's
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
}
