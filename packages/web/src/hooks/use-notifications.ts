import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys.js';
import { useApi } from './use-api.js';

/** How many of the newest notifications the bell loads (contract allows 1..100). */
export const NOTIFICATION_PAGE_SIZE = 50;

/**
 * The caller's newest notifications, read and unread (`GET /api/notifications`); kept current by
 * `notification:new` (see `useRealtimeEvents`) and by marking them read. The unread count is the unread among them.
 */
export function useNotifications() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.notifications(), queryFn: () => api.notifications.list({ limit: NOTIFICATION_PAGE_SIZE }) });
}
