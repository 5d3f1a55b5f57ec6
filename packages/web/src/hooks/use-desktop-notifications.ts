import { useEffect } from 'react';
import { useLocation } from 'wouter';
import type { ParleyApi } from '../api/parley-api.js';
import { notificationTitle, notificationBody } from '../lib/notification-text.js';

/**
 * Shows each `notification:new` as a browser notification (Notification API) while the tab is hidden, only
 * once the user has allowed them (never asks by itself). A grown notification replaces its earlier one (same
 * `tag`); clicking it focuses the tab and opens the conversation.
 */
export function useDesktopNotifications(api: ParleyApi): void {
  const [, navigate] = useLocation();
  useEffect(
    () =>
      api.on('notification:new', ({ notification }) => {
        if (document.visibilityState !== 'hidden') return;
        if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
        const shown = new Notification(notificationTitle(notification), { body: notificationBody(notification), tag: notification.id });
        shown.onclick = () => {
          window.focus();
          navigate(`/c/${encodeURIComponent(notification.conversationId)}`);
          shown.close();
        };
      }),
    [api, navigate],
  );
}
