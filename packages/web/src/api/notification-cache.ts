import type { Notification, NotificationPage } from '@parley/protocol';
import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from './query-keys.js';

/**
 * `notification:new`: a new notification goes to the head of the cached list; one that grew (same `id`, the
 * contract's "replace the one you hold") is replaced and moves to the head too, since it now covers the newest message.
 */
export function applyNotification(queryClient: QueryClient, notification: Notification): void {
  queryClient.setQueryData<NotificationPage>(queryKeys.notifications(), (page) => {
    if (!page) return page;
    return { ...page, items: [notification, ...page.items.filter((held) => held.id !== notification.id)] };
  });
}

/** Marks the cached notifications `ids` (or all with `'all'`) read at `readAt`, for an answer the app expects to succeed. */
export function markCachedNotificationsRead(queryClient: QueryClient, ids: readonly string[] | 'all', readAt: string): void {
  queryClient.setQueryData<NotificationPage>(queryKeys.notifications(), (page) => {
    if (!page) return page;
    const named = ids === 'all' ? null : new Set(ids);
    return {
      ...page,
      items: page.items.map((item) => (item.readAt === null && (!named || named.has(item.id)) ? { ...item, readAt } : item)),
    };
  });
}
