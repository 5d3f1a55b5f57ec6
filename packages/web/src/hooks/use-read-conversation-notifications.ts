import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import type { NotificationPage } from '@parley/protocol';
import { queryKeys } from '../api/query-keys.js';
import { useApi } from './use-api.js';
import { useDocumentVisible } from './use-document-visible.js';
import { useMarkNotificationsRead } from './use-mark-notifications-read.js';
import { NOTIFICATION_PAGE_SIZE } from './use-notifications.js';

/**
 * While a conversation is open in a visible tab, marks its unread notifications read (the server does not do
 * it when the conversation is read, docs/api.md). Reads the bell's cached list only; it never fetches.
 */
export function useReadConversationNotifications(conversationId: string): void {
  const api = useApi();
  const visible = useDocumentVisible();
  const markRead = useMarkNotificationsRead();
  const cached = useQuery<NotificationPage>({
    queryKey: queryKeys.notifications(),
    queryFn: () => api.notifications.list({ limit: NOTIFICATION_PAGE_SIZE }),
    enabled: false,
  }).data;
  const unreadIds = useMemo(
    () => (cached?.items ?? []).filter((item) => item.conversationId === conversationId && item.readAt === null).map((item) => item.id),
    [cached, conversationId],
  );
  const key = unreadIds.join(',');
  useEffect(() => {
    if (visible && key) markRead(key.split(','));
  }, [visible, key, markRead]);
}
