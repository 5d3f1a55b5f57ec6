import type { Notification } from '@parley/protocol';
import type { NotificationRow } from './notifications.repository.js';

/** notifications row → the contract's `Notification`. */
export function presentNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    type: row.type,
    projectId: row.project_id,
    projectTitle: row.project_title,
    conversationId: row.conversation_id,
    messageId: row.message_id,
    senderId: row.sender_id,
    senderName: row.sender_name,
    preview: row.preview,
    count: Number(row.count),
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}
