import type { Notification } from '@parley/protocol';
import { formatFullDateTime, formatRelativeTime } from '../lib/format-time.js';
import { moreText } from '../lib/notification-text.js';

/** One row of the notification list. */
export interface NotificationItemProps {
  notification: Notification;
  /** "Now" for the relative time (ms since the epoch). */
  now: number;
  onOpen: (notification: Notification) => void;
}

/**
 * A button showing the project title, the sender, the newest message's preview, "+2 more" when it covers
 * several messages and the relative time; unread ones are bold and say "Unread" to screen readers.
 */
export function NotificationItem({ notification, now, onOpen }: NotificationItemProps) {
  const unread = notification.readAt === null;
  const more = moreText(notification);
  return (
    <li>
      <button
        type="button"
        onClick={() => onOpen(notification)}
        data-unread={unread}
        className={`block w-full border-b border-slate-100 px-3 py-2 text-left hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-sky-500 ${unread ? 'bg-sky-50' : ''}`}
      >
        <span className="flex items-baseline justify-between gap-2">
          <span className={`truncate text-sm ${unread ? 'font-bold text-slate-900' : 'font-medium text-slate-700'}`}>
            {unread && (
              <>
                <span className="sr-only">Unread:</span>{' '}
              </>
            )}
            {notification.projectTitle}
          </span>{' '}
          <time dateTime={notification.createdAt} title={formatFullDateTime(notification.createdAt)} className="shrink-0 text-xs text-slate-500">
            {formatRelativeTime(notification.createdAt, now)}
          </time>
        </span>{' '}
        <span className="block truncate text-xs text-slate-600">
          <span className="font-medium">{notification.senderName}</span>: {notification.preview}
        </span>
        {more && (
          <>
            {' '}
            <span className="block text-xs text-sky-700">{more}</span>
          </>
        )}
      </button>
    </li>
  );
}
