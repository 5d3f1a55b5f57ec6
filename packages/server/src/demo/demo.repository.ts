import type { Db } from '../db/database.js';

/** True when any user exists (the demo seeds only an empty database). */
export async function hasAnyUser(db: Db): Promise<boolean> {
  return (await db.selectFrom('users').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/**
 * Spreads a freshly seeded conversation's messages over the past: message `seq` is dated
 * `startMs + (seq - 1) * gapMs` (ms since the epoch), and the conversation's creation and activity times follow.
 */
export async function backdateConversation(db: Db, conversationId: string, startMs: number, gapMs: number): Promise<void> {
  const rows = await db.selectFrom('messages').select(['id', 'seq']).where('conversation_id', '=', conversationId).execute();
  const first = new Date(startMs).toISOString();
  let last = first;
  for (const row of rows) {
    last = new Date(startMs + (row.seq - 1) * gapMs).toISOString();
    await db.updateTable('messages').set({ created_at: last }).where('id', '=', row.id).execute();
  }
  await db.updateTable('conversations').set({ last_message_at: last, created_at: first }).where('id', '=', conversationId).execute();
}
