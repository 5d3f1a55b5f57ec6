import type { NotificationType } from '@parley/protocol';

/**
 * `notifications`: one row per notification. At most one unread row per (user, conversation) (partial unique
 * index `notifications_unread_uq`); new messages grow its `count` and move the message fields to the newest
 * message (`message_seq` decides which is newest). `project_title` and `sender_name` are copied when written.
 */
export interface NotificationsTable {
  id: string;
  user_id: string;
  type: NotificationType;
  project_id: string;
  project_title: string;
  conversation_id: string;
  message_id: string;
  message_seq: number;
  /** Null for system messages. */
  sender_id: string | null;
  sender_name: string;
  preview: string;
  count: number;
  /** When the newest message it covers was created. */
  created_at: string;
  read_at: string | null;
}
