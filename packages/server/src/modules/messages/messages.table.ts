import type { MessageType } from '@parley/protocol';

/** `messages`: unique on `(conversation_id, seq)` and on the sender's idempotency key `(conversation_id, sender_id, client_id)`. */
export interface MessagesTable {
  id: string;
  conversation_id: string;
  seq: number;
  /** Null for `system` messages. */
  sender_id: string | null;
  type: MessageType;
  text: string;
  client_id: string | null;
  reply_to_id: string | null;
  created_at: string;
  edited_at: string | null;
  deleted_at: string | null;
}
