import type { ConversationStatus } from '@parley/protocol';

/** `conversations`: one per project today (kind `project`); `last_seq` is the per-conversation sequence counter. */
export interface ConversationsTable {
  id: string;
  project_id: string;
  kind: 'project' | 'group';
  title: string;
  status: ConversationStatus;
  /** The newest allocated `seq`; the next message gets `last_seq + 1` in the same transaction. */
  last_seq: number;
  /** The newest `seq` of the conversation's change stream (messages, reads, status, membership); see modules/sync. */
  last_change_seq: number;
  last_message_at: string;
  created_at: string;
  /** Who created a `group` conversation (they manage its participants); null for project conversations. */
  created_by: string | null;
}

/** `conversation_participants`: membership and each participant's own state (read position, mute, archive, pin). */
export interface ParticipantsTable {
  conversation_id: string;
  user_id: string;
  joined_at: string;
  last_read_seq: number;
  last_read_at: string | null;
  muted: number;
  /** Muted for notifications until this moment (ISO 8601 UTC), whatever `muted` says; null when not set. */
  muted_until: string | null;
  archived: number;
  /** 1 when the participant pinned the conversation. */
  pinned: number;
}
