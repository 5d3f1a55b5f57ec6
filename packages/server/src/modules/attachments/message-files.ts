import type { AttachmentKind, MessageType } from '@parley/protocol';
import type { Db } from '../../db/database.js';
import { invalid } from '../../errors.js';
import { newId } from '../../ids.js';
import { claimAttachment, findAttachments, insertAttachment, listMessageAttachments } from './attachments.repository.js';

/** Whose uploads, where: only the sender's own uploads in the message's conversation can be attached (issue 6). */
export interface UploadOwner {
  conversationId: string;
  uploaderId: string;
}

const NOT_YOURS = 'must name your own uploads in this conversation that no message holds yet';

/**
 * The message type a set of uploads gives (issue 6, "Attachment"): their kind when they share one (`image`,
 * `video`, `audio`), else `file`. Throws `VALIDATION_FAILED` (field `attachmentIds`) for repeated ids, more than
 * `maxFiles`, or ids that are not the owner's unclaimed uploads in the conversation.
 */
export async function attachmentMessageType(db: Db, ids: readonly string[], owner: UploadOwner, maxFiles: number): Promise<MessageType> {
  if (new Set(ids).size !== ids.length) throw invalid('attachmentIds', 'must not repeat an upload');
  if (ids.length > maxFiles) throw invalid('attachmentIds', `must hold at most ${maxFiles} files`);
  const rows = await findAttachments(db, ids);
  const usable = rows.filter((row) => row.conversation_id === owner.conversationId && row.uploader_id === owner.uploaderId && row.message_id === null);
  if (usable.length !== ids.length) throw invalid('attachmentIds', NOT_YOURS);
  const kinds = new Set<AttachmentKind>(usable.map((row) => row.kind));
  const [only] = kinds;
  return kinds.size === 1 && only !== undefined ? only : 'file';
}

/**
 * Gives the uploads to `messageId`, in the order of `ids`, inside the caller's transaction. Throws
 * `VALIDATION_FAILED` when one was claimed meanwhile (the transaction then rolls the message back).
 */
export async function claimAttachments(trx: Db, ids: readonly string[], owner: UploadOwner, messageId: string): Promise<void> {
  for (const [position, id] of ids.entries()) {
    if (!(await claimAttachment(trx, { id, ...owner, messageId, position }))) throw invalid('attachmentIds', NOT_YOURS);
  }
}

/** The attachment ids of a message, in order (to compare a retried send with the stored one). */
export async function messageAttachmentIds(db: Db, messageId: string): Promise<string[]> {
  return (await listMessageAttachments(db, [messageId])).map((row) => row.id);
}

/**
 * Copies a message's attachments onto its forwarded copy: new rows for `owner` pointing at the same stored bytes
 * (which are never removed while a message holds them).
 */
export async function copyAttachments(trx: Db, sourceMessageId: string, owner: UploadOwner, messageId: string, at: string): Promise<void> {
  for (const row of await listMessageAttachments(trx, [sourceMessageId])) {
    await insertAttachment(trx, { ...row, id: newId(), conversation_id: owner.conversationId, uploader_id: owner.uploaderId, message_id: messageId, created_at: at });
  }
}
