import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { markCachedNotificationsRead } from '../api/notification-cache.js';
import { queryKeys } from '../api/query-keys.js';
import { useApi } from './use-api.js';

/**
 * Returns `markRead(ids | 'all')`: marks notifications read at once in the cache (the bell's count drops
 * without waiting) and tells the server (`POST /api/notifications/read`); on failure the list is refetched.
 */
export function useMarkNotificationsRead(): (ids: readonly string[] | 'all') => void {
  const api = useApi();
  const queryClient = useQueryClient();
  return useCallback(
    (ids) => {
      if (ids !== 'all' && ids.length === 0) return;
      markCachedNotificationsRead(queryClient, ids, new Date().toISOString());
      api.notifications.markRead(ids === 'all' ? { all: true } : { ids: [...ids] }).catch(() => {
        void queryClient.invalidateQueries({ queryKey: queryKeys.notifications() });
      });
    },
    [api, queryClient],
  );
}
