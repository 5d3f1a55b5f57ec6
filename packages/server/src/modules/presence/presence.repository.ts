import type { Db } from '../../db/database.js';

/** Stores when a user's last socket disconnected. */
export async function setLastSeen(db: Db, userId: string, at: string): Promise<void> {
  await db.updateTable('users').set({ last_seen_at: at }).where('id', '=', userId).execute();
}

/** When the user's last socket disconnected, if ever. */
export async function findLastSeen(db: Db, userId: string): Promise<string | null> {
  const row = await db.selectFrom('users').select('last_seen_at').where('id', '=', userId).executeTakeFirst();
  return row?.last_seen_at ?? null;
}

/** Everyone who shares at least one conversation with `userId`, `userId` excluded. */
export async function listContactIds(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('conversation_participants as mine')
    .innerJoin('conversation_participants as other', 'other.conversation_id', 'mine.conversation_id')
    .select('other.user_id')
    .distinct()
    .where('mine.user_id', '=', userId)
    .where('other.user_id', '<>', userId)
    .execute();
  return rows.map((row) => row.user_id);
}
