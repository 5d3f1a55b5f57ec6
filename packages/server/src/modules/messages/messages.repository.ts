import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { MessageEditsTable, MessagesTable } from './messages.table.js';

export type MessageRow = Selectable<MessagesTable>;

/**
 * The columns of a {@link MessageRow}, selected by name: PostgreSQL's table also holds the full-text
 * `search_vector` (migration `20261121060000-search`), which no caller needs.
 */
const MESSAGE_COLUMNS = [
  'id',
  'conversation_id',
  'seq',
  'sender_id',
  'type',
  'text',
  'client_id',
  'reply_to_id',
  'created_at',
  'edited_at',
  'deleted_at',
  'deleted_by',
  'forwarded_from_id',
  'mentions',
  'payload',
] as const satisfies readonly (keyof MessagesTable)[];

/** `select … from messages` with exactly the {@link MessageRow} columns. */
function selectMessages(db: Db) {
  return db.selectFrom('messages').select(MESSAGE_COLUMNS);
}

export async function insertMessage(db: Db, row: MessageRow): Promise<void> {
  await db.insertInto('messages').values(row).execute();
}

export function findMessage(db: Db, id: string): Promise<MessageRow | undefined> {
  return selectMessages(db).where('id', '=', id).executeTakeFirst();
}

/** The messages with these ids, in no particular order (unknown ids are left out). */
export function findMessages(db: Db, ids: readonly string[]): Promise<MessageRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return selectMessages(db).where('id', 'in', ids).execute();
}

export function findMessageBySeq(db: Db, conversationId: string, seq: number): Promise<MessageRow | undefined> {
  return selectMessages(db).where('conversation_id', '=', conversationId).where('seq', '=', seq).executeTakeFirst();
}

/** The message a sender stored under an idempotency key in a conversation, if any. */
export function findByClientId(db: Db, conversationId: string, senderId: string, clientId: string): Promise<MessageRow | undefined> {
  return db
    .selectFrom('messages')
    .select(MESSAGE_COLUMNS)
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
  let query = selectMessages(db).where('conversation_id', '=', conversationId);
  if (opts.beforeSeq !== undefined) query = query.where('seq', '<', opts.beforeSeq);
  if (opts.afterSeq !== undefined) query = query.where('seq', '>', opts.afterSeq);
  return query
    .orderBy('seq', opts.direction === 'up' ? 'desc' : 'asc')
    .limit(opts.limit)
    .execute();
}

/**
 * Replaces the text of a message that is not deleted and still reads `expectedText` (so a concurrent edit or
 * deletion wins cleanly); false when it changed meanwhile.
 */
export async function replaceMessageText(
  db: Db,
  id: string,
  change: { expectedText: string; text: string; mentions: string[]; at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('messages')
    .set({ text: change.text, edited_at: change.at, mentions: JSON.stringify(change.mentions) })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .where('text', '=', change.expectedText)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Marks a message deleted by `deletedBy` at `at`; false when it was deleted already. */
export async function markMessageDeleted(db: Db, id: string, deletedBy: string, at: string): Promise<boolean> {
  const result = await db.updateTable('messages').set({ deleted_at: at, deleted_by: deletedBy }).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export type MessageEditRow = Selectable<MessageEditsTable>;

export async function insertMessageEdit(db: Db, row: MessageEditRow): Promise<void> {
  await db.insertInto('message_edits').values(row).execute();
}

/** A message's earlier versions, oldest first. */
export function listMessageEdits(db: Db, messageId: string): Promise<MessageEditRow[]> {
  return db.selectFrom('message_edits').selectAll().where('message_id', '=', messageId).orderBy('replaced_at').orderBy('id').execute();
}
