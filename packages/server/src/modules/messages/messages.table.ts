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
  /** Who deleted it (the sender or an admin); null while not deleted. */
  deleted_by: string | null;
  /** The message this one is a forwarded copy of. */
  forwarded_from_id: string | null;
  /** The mentioned participants' user ids, a JSON array (`mentions.ts`). */
  mentions: string;
  /** `location` and `contact` messages: their structured part as JSON; null for other types. */
  payload: string | null;
}

/** `message_edits`: each earlier version of an edited message, with when it was written and replaced, and by whom. */
export interface MessageEditsTable {
  id: string;
  message_id: string;
  text: string;
  created_at: string;
  replaced_at: string;
  edited_by: string;
}

/** `message_reactions`: one row per (message, user, emoji). */
export interface MessageReactionsTable {
  message_id: string;
  user_id: string;
  emoji: string;
  created_at: string;
}

/** `conversation_pins`: the pinned messages of each conversation, unique per (conversation, message). */
export interface ConversationPinsTable {
  conversation_id: string;
  message_id: string;
  pinned_by: string;
  pinned_at: string;
}
