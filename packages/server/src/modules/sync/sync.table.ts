import type { ChangeKind } from '@parley/protocol';
import type { Generated } from 'kysely';

/**
 * `conversation_changes`: each conversation's change stream, one row per change, unique on
 * `(conversation_id, seq)`. `id` orders rows globally; `tx` is the writing PostgreSQL transaction's id
 * (0 on SQLite), see `sync.repository.ts`. `message_id`, `user_id` and `value` hold what the kind needs.
 */
export interface ConversationChangesTable {
  id: Generated<number>;
  tx: Generated<number>;
  conversation_id: string;
  seq: number;
  kind: ChangeKind;
  message_id: string | null;
  user_id: string | null;
  /** `conversation.read`: the new read position (a message `seq`). */
  value: number | null;
  /** `reaction.added` / `reaction.removed`: the emoji. */
  emoji: string | null;
  created_at: string;
}
