import type { Kysely } from 'kysely';
import type { EditMessageBody, Message, MessageEditList, User } from '@parley/protocol';
import type { Database } from '../../db/schema.js';
import { conflict, forbidden, notFound } from '../../errors.js';
import type { DomainEvents } from '../../events.js';
import { newId, nowIso } from '../../ids.js';
import { recordAudit } from '../audit/audit.repository.js';
import { requireParticipant, requireWritable } from '../conversations/conversations.access.js';
import { listParticipantIds, listParticipantUsers } from '../conversations/conversations.repository.js';
import { appendChange } from '../sync/sync.repository.js';
import { resolveMentions } from './mentions.js';
import { viewsFor, type MessageViews } from './message-views.js';
import { findMessage, insertMessageEdit, listMessageEdits, markMessageDeleted, replaceMessageText, type MessageRow } from './messages.repository.js';

/** The message, when `actor` participates in its conversation; else `NOT_FOUND` (outsiders cannot tell it exists). */
export async function requireVisibleMessage(db: Kysely<Database>, actor: User, messageId: string): Promise<MessageRow> {
  const row = await findMessage(db, messageId);
  if (!row) throw notFound('message', messageId);
  await requireParticipant(db, row.conversation_id, actor.id).catch(() => {
    throw notFound('message', messageId);
  });
  return row;
}

/**
 * Editing and deleting messages (issue 5, "Edit" and "Delete"). Every change takes the next `seq` of the
 * conversation's change stream and is written to the audit log in the same transaction.
 */
export class MessageActionsService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly views: MessageViews,
    private readonly events: DomainEvents,
    /** How long after sending a message may be edited (ms); 0: no limit (`PARLEY_EDIT_WINDOW_S`). */
    private readonly editWindowMs: number,
  ) {}

  /**
   * The sender replaces the text of their message; the earlier text goes to the edit history; `editedAt` is set;
   * participants hear `message:updated`. The same text again changes nothing. Throws `NOT_FOUND` (unknown, or not a
   * participant), `FORBIDDEN` (not the sender: others' and system messages), `MESSAGE_DELETED`,
   * `EDIT_WINDOW_EXPIRED` (older than the window), `CONVERSATION_READ_ONLY` (project closed or archived) and
   * `CONVERSATION_LOCKED` (an admin locked it). The window comes from issue 5 ("Edit"), its default from WhatsApp's 15 minutes.
   */
  async edit(actor: User, messageId: string, body: EditMessageBody): Promise<Message> {
    const row = await this.requireVisible(actor, messageId);
    if (row.sender_id !== actor.id) throw forbidden('Only the sender may edit a message');
    if (row.deleted_at !== null) throw conflict('MESSAGE_DELETED', 'This message was deleted');
    if (this.editWindowMs > 0 && Date.now() - Date.parse(row.created_at) > this.editWindowMs) {
      throw conflict('EDIT_WINDOW_EXPIRED', `Messages can be edited for ${Math.round(this.editWindowMs / 60_000)} minutes after sending`);
    }
    await requireWritable(this.db, row.conversation_id);
    if (body.text === row.text) return this.views.presentOne(row, actor.id);

    const at = nowIso();
    const participantIds = await this.db.transaction().execute(async (trx) => {
      const participants = await listParticipantUsers(trx, [row.conversation_id]);
      const mentions = resolveMentions(body.text, participants.map((p) => ({ userId: p.user_id, name: p.name })));
      const replaced = await replaceMessageText(trx, row.id, { expectedText: row.text, text: body.text, mentions, at });
      if (!replaced) throw conflict('MESSAGE_DELETED', 'This message changed meanwhile; reload it');
      await insertMessageEdit(trx, { id: newId(), message_id: row.id, text: row.text, created_at: row.edited_at ?? row.created_at, replaced_at: at, edited_by: actor.id });
      await appendChange(trx, { conversation_id: row.conversation_id, kind: 'message.edited', message_id: row.id, user_id: actor.id, created_at: at });
      await recordAudit(trx, {
        actorId: actor.id,
        action: 'message.edited',
        conversationId: row.conversation_id,
        messageId: row.id,
        details: { seq: row.seq, previousLength: [...row.text].length, newLength: [...body.text].length },
        at,
      });
      return listParticipantIds(trx, row.conversation_id);
    });
    return this.announceUpdate(row.id, actor.id, participantIds);
  }

  /**
   * Soft delete by the sender or an admin (admins also outside their own conversations): the message stays in
   * place as a tombstone (`deletedAt`, no text, no reactions); participants hear `message:deleted`; the audit log
   * records who deleted it. Deleting a deleted message answers the tombstone again. Throws `NOT_FOUND` and
   * `FORBIDDEN` (neither the sender nor an admin; system messages only by admins).
   */
  async remove(actor: User, messageId: string): Promise<Message> {
    const admin = actor.role === 'admin';
    const row = admin ? await findMessage(this.db, messageId) : await this.requireVisible(actor, messageId);
    if (!row) throw notFound('message', messageId);
    if (!admin && row.sender_id !== actor.id) throw forbidden('Only the sender or an admin may delete a message');
    if (row.deleted_at !== null) return this.views.presentOne(row, actor.id);

    const at = nowIso();
    const participantIds = await this.db.transaction().execute(async (trx) => {
      if (!(await markMessageDeleted(trx, row.id, actor.id, at))) return null; // deleted meanwhile: nothing more to record
      await appendChange(trx, { conversation_id: row.conversation_id, kind: 'message.deleted', message_id: row.id, user_id: actor.id, created_at: at });
      await recordAudit(trx, {
        actorId: actor.id,
        action: 'message.deleted',
        conversationId: row.conversation_id,
        messageId: row.id,
        details: { seq: row.seq, senderId: row.sender_id, asAdmin: admin && row.sender_id !== actor.id },
        at,
      });
      return listParticipantIds(trx, row.conversation_id);
    });
    const stored = await this.requireRow(messageId);
    if (participantIds && stored.deleted_at) {
      this.events.emit('message.deleted', { conversationId: stored.conversation_id, messageId: stored.id, seq: stored.seq, deletedAt: stored.deleted_at, participantIds });
    }
    return this.views.presentOne(stored, actor.id);
  }

  /**
   * The earlier versions of a message, oldest first, for its participants and admins. A deleted message's
   * history is shown to admins only (it would reveal the deleted text). Throws `NOT_FOUND`.
   */
  async edits(actor: User, messageId: string): Promise<MessageEditList> {
    const admin = actor.role === 'admin';
    const row = admin ? await findMessage(this.db, messageId) : await this.requireVisible(actor, messageId);
    if (!row || (row.deleted_at !== null && !admin)) throw notFound('message', messageId);
    const rows = await listMessageEdits(this.db, row.id);
    return { items: rows.map((edit) => ({ text: edit.text, createdAt: edit.created_at, replacedAt: edit.replaced_at, editedBy: edit.edited_by })) };
  }

  private requireVisible(actor: User, messageId: string): Promise<MessageRow> {
    return requireVisibleMessage(this.db, actor, messageId);
  }

  private async requireRow(messageId: string): Promise<MessageRow> {
    const row = await findMessage(this.db, messageId);
    if (!row) throw notFound('message', messageId);
    return row;
  }

  /** After commit: each participant's view of the message as `message:updated`; the caller's view is returned. */
  private async announceUpdate(messageId: string, actorId: string, participantIds: string[]): Promise<Message> {
    const message = await this.views.presentOne(await this.requireRow(messageId), null);
    const views = viewsFor(message, participantIds);
    this.events.emit('message.updated', { conversationId: message.conversationId, views });
    return viewsFor(message, [actorId])[0]?.message ?? message;
  }
}
