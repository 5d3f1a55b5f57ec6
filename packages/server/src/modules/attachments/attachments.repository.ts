import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { AttachmentsTable } from './attachments.table.js';

export type AttachmentRow = Selectable<AttachmentsTable>;

export async function insertAttachment(db: Db, row: AttachmentRow): Promise<void> {
  await db.insertInto('attachments').values(row).execute();
}

export function findAttachment(db: Db, id: string): Promise<AttachmentRow | undefined> {
  return db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The uploads with these ids (unknown ids left out). */
export function findAttachments(db: Db, ids: readonly string[]): Promise<AttachmentRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('attachments').selectAll().where('id', 'in', ids).execute();
}

/** The files of these messages, each message's in their order. */
export function listMessageAttachments(db: Db, messageIds: readonly string[]): Promise<AttachmentRow[]> {
  if (messageIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('attachments').selectAll().where('message_id', 'in', messageIds).orderBy('message_id').orderBy('position').execute();
}

/**
 * Gives `uploaderId`'s unclaimed upload `id` in `conversationId` to a message, at `position`; false when it is not
 * such an upload (someone else's, another conversation's, or already sent).
 */
export async function claimAttachment(db: Db, claim: { id: string; conversationId: string; uploaderId: string; messageId: string; position: number }): Promise<boolean> {
  const result = await db
    .updateTable('attachments')
    .set({ message_id: claim.messageId, position: claim.position })
    .where('id', '=', claim.id)
    .where('conversation_id', '=', claim.conversationId)
    .where('uploader_id', '=', claim.uploaderId)
    .where('message_id', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Uploads no message claimed, created before `before` (ISO 8601), oldest first. */
export function listUnclaimedBefore(db: Db, before: string, limit: number): Promise<AttachmentRow[]> {
  return db.selectFrom('attachments').selectAll().where('message_id', 'is', null).where('created_at', '<', before).orderBy('created_at').limit(limit).execute();
}

/** Removes an upload's row if no message claimed it meanwhile; false otherwise. */
export async function deleteUnclaimed(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('attachments').where('id', '=', id).where('message_id', 'is', null).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
