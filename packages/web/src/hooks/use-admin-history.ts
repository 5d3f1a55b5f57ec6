import { useInfiniteQuery } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys.js';
import { useApi } from './use-api.js';

/** Messages per page of the admin review's history. */
export const ADMIN_HISTORY_PAGE_SIZE = 50;

/**
 * A conversation's full history for admins (`GET /api/admin/conversations/:id/messages`, deleted messages with their
 * text), newest page first; each next page is the one just below the oldest `seq` held (`before`). Every page's
 * items are in ascending `seq`, as the server sends them.
 */
export function useAdminHistory(conversationId: string) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: queryKeys.adminMessages(conversationId),
    queryFn: ({ pageParam }) => api.admin.messages(conversationId, { ...(pageParam === null ? {} : { before: pageParam }), limit: ADMIN_HISTORY_PAGE_SIZE }),
    initialPageParam: null as number | null, // the newest page has no `before`; older ones start below the oldest seq held
    getNextPageParam: (page) => (page.hasMore ? (page.items[0]?.seq ?? null) : null),
  });
}
