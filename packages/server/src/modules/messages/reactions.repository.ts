import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { MessageReactionsTable } from './messages.table.js';

export type ReactionRow = Selectable<MessageReactionsTable>;

/** Adds a reaction; throws a unique violation when the user already reacted with that emoji. */
export async function insertReaction(db: Db, row: ReactionRow): Promise<void> {
  await db.insertInto('message_reactions').values(row).execute();
}

/** Removes a user's emoji from a message; false when it was not there. */
export async function deleteReaction(db: Db, messageId: string, userId: string, emoji: string): Promise<boolean> {
  const result = await db
    .deleteFrom('message_reactions')
    .where('message_id', '=', messageId)
    .where('user_id', '=', userId)
    .where('emoji', '=', emoji)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** The reactions on these messages, oldest first (ties by user id). */
export function listReactions(db: Db, messageIds: readonly string[]): Promise<Pick<ReactionRow, 'message_id' | 'user_id' | 'emoji'>[]> {
  if (messageIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('message_reactions').select(['message_id', 'user_id', 'emoji']).where('message_id', 'in', messageIds).orderBy('created_at').orderBy('user_id').execute();
}
