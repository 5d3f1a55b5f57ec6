import type { Notification } from '@parley/protocol';
import { useId, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { describeError } from '../api/auth-errors.js';
import { useDismiss } from '../hooks/use-dismiss.js';
import { useMarkNotificationsRead } from '../hooks/use-mark-notifications-read.js';
import { useNotificationPermission } from '../hooks/use-notification-permission.js';
import { useNotifications } from '../hooks/use-notifications.js';
import { useNow } from '../hooks/use-now.js';
import { bellLabel } from '../lib/notification-text.js';
import { NotificationItem } from './NotificationItem.js';

/**
 * The header's bell: a button named "Notifications, 3 unread" (just "Notifications" with none unread) that opens
 * the dialog "Notifications" listing the newest notifications. Clicking one opens its conversation and marks it
 * read; "Mark all as read" marks them all. "Enable desktop notifications" asks the browser's permission (only
 * on that click). Escape or a click outside closes the list.
 */
export function NotificationBell() {
  const query = useNotifications();
  const markRead = useMarkNotificationsRead();
  const { permission, request } = useNotificationPermission();
  const [, navigate] = useLocation();
  const [open, setOpen] = useState(false);
  const now = useNow();
  const dialogId = useId();
  const headingId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  const items = query.data?.items ?? [];
  const unread = items.filter((item) => item.readAt === null).length;

  useDismiss(open, root, (reason) => {
    setOpen(false);
    if (reason === 'escape') button.current?.focus();
  });

  const openNotification = (notification: Notification) => {
    if (notification.readAt === null) markRead([notification.id]);
    setOpen(false);
    navigate(`/c/${encodeURIComponent(notification.conversationId)}`);
  };

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-label={bellLabel(unread)}
        aria-expanded={open}
        aria-controls={dialogId}
        onClick={() => setOpen(!open)}
        className="relative rounded border border-slate-300 px-2 py-1 text-slate-700 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="currentColor">
          <path d="M10 2a6 6 0 0 0-6 6v3.6l-1.7 2.5A.6.6 0 0 0 2.8 15h14.4a.6.6 0 0 0 .5-.9L16 11.6V8a6 6 0 0 0-6-6Zm0 16a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 10 18Z" />
        </svg>
        {unread > 0 && (
          <span aria-hidden="true" className="absolute -right-1.5 -top-1.5 min-w-4 rounded-full bg-red-600 px-1 text-[0.65rem] font-semibold leading-4 text-white">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <div
          id={dialogId}
          role="dialog"
          aria-labelledby={headingId}
          className="absolute right-0 z-20 mt-2 flex max-h-[70vh] w-80 max-w-[calc(100vw-1rem)] flex-col rounded-md border border-slate-200 bg-white shadow-xl"
        >
          <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-3 py-2">
            <h2 id={headingId} className="text-sm font-semibold text-slate-900">
              Notifications
            </h2>
            <button
              type="button"
              onClick={() => markRead('all')}
              disabled={unread === 0}
              className="text-xs text-sky-700 underline disabled:text-slate-400 disabled:no-underline"
            >
              Mark all as read
            </button>
          </div>
          {permission === 'default' && (
            <div className="border-b border-slate-200 px-3 py-2">
              <button type="button" onClick={request} className="text-xs text-sky-700 underline">
                Enable desktop notifications
              </button>
            </div>
          )}
          {permission === 'denied' && <p className="border-b border-slate-200 px-3 py-2 text-xs text-slate-500">Desktop notifications are blocked in this browser.</p>}
          <div className="min-h-0 overflow-y-auto">
            {query.isPending && <p className="p-3 text-sm text-slate-500">Loading notifications…</p>}
            {query.isError && (
              <div className="p-3 text-sm text-red-700">
                <p>Could not load notifications: {describeError(query.error)}</p>
                <button type="button" onClick={() => void query.refetch()} className="mt-1 underline">
                  Try again
                </button>
              </div>
            )}
            {query.isSuccess && items.length === 0 && <p className="p-3 text-sm text-slate-500">No notifications yet.</p>}
            {items.length > 0 && (
              <ul aria-label="Notifications">
                {items.map((notification) => (
                  <NotificationItem key={notification.id} notification={notification} now={now} onOpen={openNotification} />
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
