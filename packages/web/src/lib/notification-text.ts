import type { Notification } from '@parley/protocol';

/** "+2 more" for a notification covering 3 messages; empty for one. */
export function moreText(notification: Pick<Notification, 'count'>): string {
  return notification.count > 1 ? `+${notification.count - 1} more` : '';
}

/** A desktop notification's title: "Alice Martin · Redesign the checkout flow". */
export function notificationTitle(notification: Pick<Notification, 'senderName' | 'projectTitle'>): string {
  return `${notification.senderName} · ${notification.projectTitle}`;
}

/** A desktop notification's body: the preview, then "(+2 more)" when it covers several messages. */
export function notificationBody(notification: Pick<Notification, 'preview' | 'count'>): string {
  const more = moreText(notification);
  return more ? `${notification.preview} (${more})` : notification.preview;
}

/** The bell's accessible name: "Notifications", or "Notifications, 3 unread". */
export function bellLabel(unread: number): string {
  return unread > 0 ? `Notifications, ${unread} unread` : 'Notifications';
}
