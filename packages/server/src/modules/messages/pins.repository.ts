import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ConversationPinsTable } from './messages.table.js';
import { findMessages, type MessageRow } from './messages.repository.js';

export type PinRow = Selectable<ConversationPinsTable>;

/** Pins a message in its conversation; false when it was pinned already. */
export async function insertPin(db: Db, row: PinRow): Promise<boolean> {
  const result = await db
    .insertInto('conversation_pins')
    .values(row)
    .onConflict((oc) => oc.columns(['conversation_id', 'message_id']).doNothing())
    .executeTakeFirst();
  return result.numInsertedOrUpdatedRows !== undefined && result.numInsertedOrUpdatedRows > 0n;
}

/** Unpins a message; false when it was not pinned. */
export async function deletePin(db: Db, conversationId: string, messageId: string): Promise<boolean> {
  const result = await db.deleteFrom('conversation_pins').where('conversation_id', '=', conversationId).where('message_id', '=', messageId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** A conversation's pinned messages that are not deleted, most recently pinned first (ties: newest message first). */
export async function listPinnedMessages(db: Db, conversationId: string): Promise<{ pin: PinRow; message: MessageRow }[]> {
  const pins = await db.selectFrom('conversation_pins').selectAll().where('conversation_id', '=', conversationId).execute();
  const messages = new Map((await findMessages(db, pins.map((pin) => pin.message_id))).map((row) => [row.id, row]));
  return pins
    .flatMap((pin) => {
      const message = messages.get(pin.message_id);
      return message && message.deleted_at === null ? [{ pin, message }] : [];
    })
    .sort((a, b) => b.pin.pinned_at.localeCompare(a.pin.pinned_at) || b.message.seq - a.message.seq);
}
