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
import type { MessageViews } from './message-views.js';
import { deletePin, insertPin, listPinnedMessages } from './pins.repository.js';

/**
 * Pinned messages (issue 5, "pins"), shared by the conversation's participants. Pinning or unpinning tells
 * participants with `conversation:updated` (refetch the pins) and takes a `conversation.updated` change.
 */
export class PinsService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly views: MessageViews,
    private readonly conversations: Pick<ConversationsService, 'announceUpdate'>,
  ) {}

  /** The conversation's pinned messages, most recently pinned first. Throws `NOT_FOUND` for non-participants. */
  async list(actor: User, conversationId: string): Promise<PinList> {
    await requireParticipant(this.db, conversationId, actor.id);
    const pins = await listPinnedMessages(this.db, conversationId);
    const messages = await this.views.present(
      pins.map((entry) => entry.message),
      actor.id,
    );
    return {
      items: pins.flatMap(({ pin }, index) => {
        const message = messages[index];
        return message ? [{ message, pinnedBy: pin.pinned_by, pinnedAt: pin.pinned_at }] : [];
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
        ? await insertPin(trx, { conversation_id: message.conversation_id, message_id: message.id, pinned_by: actor.id, pinned_at: at })
        : await deletePin(trx, message.conversation_id, message.id);
      if (!changed) return null;
      await appendChange(trx, { conversation_id: message.conversation_id, kind: 'conversation.updated', message_id: message.id, user_id: actor.id, created_at: at });
      return listParticipantIds(trx, message.conversation_id);
    });
    if (participantIds) await this.conversations.announceUpdate(message.conversation_id, participantIds);
    return this.list(actor, message.conversation_id);
  }
}
