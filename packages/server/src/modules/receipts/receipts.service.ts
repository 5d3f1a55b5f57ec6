import type { ReadState, User } from '@parley/protocol';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import type { DomainEvents } from '../../events.js';
import { nowIso } from '../../ids.js';
import { requireParticipant } from '../conversations/conversations.access.js';
import {
  advanceReadSeq,
  countUnread,
  findConversation,
  findParticipant,
  listParticipantIds,
} from '../conversations/conversations.repository.js';
import { findMessageBySeq } from '../messages/messages.repository.js';
import { appendReadChange } from '../sync/sync.repository.js';
import { markConversationNotificationsRead } from '../notifications/notifications.repository.js';

/** Read receipts: each participant's read position (contract § Conversations and messages, § Realtime). */
export class ReceiptsService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly events: DomainEvents,
  ) {}

  /**
   * Moves the caller's read position to `seq` (capped at the newest message); it never moves backwards.
   * When it moves, emits `conversation.read` naming the newest message the read covers.
   * Returns the stored position and the caller's unread count. Throws `NOT_FOUND` for non-participants.
   */
  async markRead(actor: User, conversationId: string, seq: number): Promise<ReadState> {
    const before = await requireParticipant(this.db, conversationId, actor.id);
    const conversation = await findConversation(this.db, conversationId);
    if (!conversation) throw notFound('conversation', conversationId);
    const target = Math.min(seq, conversation.last_seq);
    const readAt = nowIso();
    const moved =
      target > before.last_read_seq &&
      (await this.db.transaction().execute(async (trx) => {
        const advanced = await advanceReadSeq(trx, conversationId, actor.id, target, readAt);
        if (advanced) {
          await appendReadChange(trx, conversationId, actor.id, target, readAt);
          await markConversationNotificationsRead(trx, actor.id, conversationId, target, readAt);
        }
        return advanced;
      }));
    const lastReadSeq = (await findParticipant(this.db, conversationId, actor.id))?.last_read_seq ?? before.last_read_seq;
    const unreadCount = await countUnread(this.db, conversationId, actor.id, lastReadSeq);
    if (moved) {
      const message = await findMessageBySeq(this.db, conversationId, target);
      const participantIds = await listParticipantIds(this.db, conversationId);
      this.events.emit('conversation.read', {
        conversationId,
        userId: actor.id,
        lastReadSeq: target,
        messageId: message?.id ?? null,
        readAt,
        participantIds,
      });
    }
    return { lastReadSeq, unreadCount };
  }
}
