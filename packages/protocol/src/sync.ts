import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common.js';
import { ConversationSchema } from './conversations.js';
import { MessageSchema } from './messages.js';

/**
 * The kinds of change in a conversation's change stream (issue 4, guarantee 3). Edits, deletions, reactions
 * and removals join this list as they arrive; clients skip kinds they do not know.
 */
export const ChangeKindSchema = z.enum([
  'message.created',
  'message.edited',
  'message.deleted',
  'reaction.added',
  'reaction.removed',
  'conversation.read',
  'conversation.updated',
  'participant.added',
  'participant.removed',
]);
export type ChangeKind = z.infer<typeof ChangeKindSchema>;

/** What every change carries: its conversation, its `seq` in that conversation's change stream (1, 2, 3, … with no gaps) and when it happened. */
const changeBase = {
  conversationId: IdSchema,
  seq: z.number().int().min(1),
  at: TimestampSchema,
};

/**
 * One change, as `GET /api/sync` returns it. Embedded messages and conversations show their state now
 * (the caller's own view of a conversation), not as they were at `at`.
 * - `message.created`: a message was stored; `message.edited`, `message.deleted`: it was edited or deleted (a tombstone).
 * - `reaction.added`, `reaction.removed`: `userId` added or removed the reaction `emoji`.
 * - `conversation.read`: `userId`'s read position moved forward to `lastReadSeq` (a message `seq`).
 * - `conversation.updated`: the conversation's status changed.
 * - `participant.added`: `userId` joined the conversation (the caller included: the conversation is new to them).
 * - `participant.removed`: `userId` left or was removed from a group (seen by those who remain).
 */
export const SyncChangeSchema = z
  .discriminatedUnion('kind', [
    z.object({ ...changeBase, kind: z.literal('message.created'), message: MessageSchema }),
    z.object({ ...changeBase, kind: z.literal('message.edited'), message: MessageSchema }),
    z.object({ ...changeBase, kind: z.literal('message.deleted'), message: MessageSchema }),
    z.object({ ...changeBase, kind: z.literal('reaction.added'), userId: IdSchema, emoji: z.string(), message: MessageSchema }),
    z.object({ ...changeBase, kind: z.literal('reaction.removed'), userId: IdSchema, emoji: z.string(), message: MessageSchema }),
    z.object({ ...changeBase, kind: z.literal('conversation.read'), userId: IdSchema, lastReadSeq: z.number().int().min(0) }),
    z.object({ ...changeBase, kind: z.literal('conversation.updated'), conversation: ConversationSchema }),
    z.object({ ...changeBase, kind: z.literal('participant.added'), userId: IdSchema, conversation: ConversationSchema }),
    z.object({ ...changeBase, kind: z.literal('participant.removed'), userId: IdSchema }),
  ])
  .meta({ id: 'SyncChange' });
export type SyncChange = z.infer<typeof SyncChangeSchema>;

/**
 * `GET /api/sync` query. `since`: the `cursor` of the previous answer; absent or empty starts from now
 * (no changes, just a cursor). `limit`: changes per answer, 1..500, default 100.
 */
export const SyncQuerySchema = z.object({
  since: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type SyncQuery = z.infer<typeof SyncQuerySchema>;

/**
 * The answer of `GET /api/sync`: the changes after `since` in the caller's conversations in commit order,
 * the `cursor` to pass as the next `since`, and `hasMore` when another call would return more right away.
 * On PostgreSQL two changes of one conversation written at the same moment may arrive in either order
 * (even on different pages): apply them by `seq`, and never count a change with a `seq` already held twice.
 */
export const SyncPageSchema = z
  .object({ changes: z.array(SyncChangeSchema), cursor: z.string(), hasMore: z.boolean() })
  .meta({ id: 'SyncPage' });
export type SyncPage = z.infer<typeof SyncPageSchema>;
