import type { Kysely } from 'kysely';
import type { PinList, User } from '@parley/protocol';
import type { Database } from '../../db/schema.js';
import { conflict } from '../../errors.js';
import { nowIso } from '../../ids.js';
import { requireParticipant, requireWritable } from '../conversations/conversations.access.js';
import { listParticipantIds } from '../conversations/conversations.repository.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import { appendChange } from '../sync/sync.repository.js';
import { requireVisibleMessage } from './message-actions.service.js';
import { presentMessages } from './message-views.js';

/**
 * Pinned messages (issue 5, "pins"), shared by the conversation's participants. Pinning or unpinning tells
 * participants with `conversation:updated` (refetch the pins) and takes a `conversation.updated` change.
 */
export class PinsService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly conversations: Pick<ConversationsService, 'announceUpdate'>,
  ) {}

  /** The conversation's pinned messages, most recently pinned first. Throws `NOT_FOUND` for non-participants. */
  async list(actor: User, conversationId: string): Promise<PinList> {
    await requireParticipant(this.db, conversationId, actor.id);
    const rows = await this.db
      .selectFrom('conversation_pins as p')
      .innerJoin('messages as m', 'm.id', 'p.message_id')
      .selectAll('m')
      .select(['p.pinned_by', 'p.pinned_at'])
      .where('p.conversation_id', '=', conversationId)
      .where('m.deleted_at', 'is', null)
      .orderBy('p.pinned_at', 'desc')
      .orderBy('m.seq', 'desc')
      .execute();
    const messages = await presentMessages(this.db, rows, actor.id);
    return {
      items: rows.flatMap((row, index) => {
        const message = messages[index];
        return message ? [{ message, pinnedBy: row.pinned_by, pinnedAt: row.pinned_at }] : [];
      }),
    };
  }

  /**
   * Pins (`pinned: true`) or unpins a message for everyone in its conversation; doing it twice changes nothing.
   * Answers the pins. Throws `NOT_FOUND`, `MESSAGE_DELETED` (pinning a deleted message) and
   * `CONVERSATION_READ_ONLY` / `CONVERSATION_LOCKED`.
   */
  async set(actor: User, messageId: string, pinned: boolean): Promise<PinList> {
    const message = await requireVisibleMessage(this.db, actor, messageId);
    if (pinned && message.deleted_at !== null) throw conflict('MESSAGE_DELETED', 'This message was deleted');
    await requireWritable(this.db, message.conversation_id);
    const at = nowIso();
    const participantIds = await this.db.transaction().execute(async (trx) => {
      const changed = pinned
        ? (
            await trx
              .insertInto('conversation_pins')
              .values({ conversation_id: message.conversation_id, message_id: message.id, pinned_by: actor.id, pinned_at: at })
              .onConflict((oc) => oc.columns(['conversation_id', 'message_id']).doNothing())
              .executeTakeFirst()
          ).numInsertedOrUpdatedRows !== 0n
        : (await trx.deleteFrom('conversation_pins').where('conversation_id', '=', message.conversation_id).where('message_id', '=', message.id).executeTakeFirst())
            .numDeletedRows !== 0n;
      if (!changed) return null;
      await appendChange(trx, { conversation_id: message.conversation_id, kind: 'conversation.updated', message_id: message.id, user_id: actor.id, created_at: at });
      return listParticipantIds(trx, message.conversation_id);
    });
    if (participantIds) await this.conversations.announceUpdate(message.conversation_id, participantIds);
    return this.list(actor, message.conversation_id);
  }
}
