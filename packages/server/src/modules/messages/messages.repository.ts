import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { MessagesTable } from './messages.table.js';

export type MessageRow = Selectable<MessagesTable>;

export async function insertMessage(db: Db, row: MessageRow): Promise<void> {
  await db.insertInto('messages').values(row).execute();
}

export function findMessage(db: Db, id: string): Promise<MessageRow | undefined> {
  return db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findMessageBySeq(db: Db, conversationId: string, seq: number): Promise<MessageRow | undefined> {
  return db.selectFrom('messages').selectAll().where('conversation_id', '=', conversationId).where('seq', '=', seq).executeTakeFirst();
}

/** The message a sender stored under an idempotency key in a conversation, if any. */
export function findByClientId(db: Db, conversationId: string, senderId: string, clientId: string): Promise<MessageRow | undefined> {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('sender_id', '=', senderId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

/**
 * Up to `limit` messages by keyset on `seq` (never OFFSET): `direction: 'up'` reads the newest ones below
 * `beforeSeq` (descending), `direction: 'down'` the oldest ones above `afterSeq` (ascending), either bounded by the other.
 */
export function listMessages(
  db: Db,
  conversationId: string,
  opts: { direction: 'up' | 'down'; beforeSeq?: number; afterSeq?: number; limit: number },
): Promise<MessageRow[]> {
  let query = db.selectFrom('messages').selectAll().where('conversation_id', '=', conversationId);
  if (opts.beforeSeq !== undefined) query = query.where('seq', '<', opts.beforeSeq);
  if (opts.afterSeq !== undefined) query = query.where('seq', '>', opts.afterSeq);
  return query
    .orderBy('seq', opts.direction === 'up' ? 'desc' : 'asc')
    .limit(opts.limit)
    .execute();
}
