import type { AdminConversation, AdminConversationPage } from '@parley/protocol';
import { useQuery, useQueryClient, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys.js';
import { useApi } from './use-api.js';

/** The conversation as an admin conversation list already in the cache holds it (the admin list's rows). */
function cachedAdminConversation(queryClient: QueryClient, id: string): AdminConversation | undefined {
  const lists = queryClient.getQueriesData<InfiniteData<AdminConversationPage>>({ queryKey: queryKeys.adminConversationLists() });
  for (const [, data] of lists) {
    const found = data?.pages.flatMap((page) => page.items).find((conversation) => conversation.id === id);
    if (found) return found;
  }
  return undefined;
}

/**
 * One conversation as admins see it (title, project, status), for its review page (`GET /api/admin/conversations/:id`,
 * `404 NOT_FOUND` for an unknown id): at once from a cached admin list when the admin came from one, then as the
 * server answers. Under `queryKeys.admin()`, so a status change reads it again.
 */
export function useAdminConversation(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: queryKeys.adminConversation(id),
    queryFn: () => api.admin.conversation(id),
    initialData: () => cachedAdminConversation(queryClient, id),
  });
}
