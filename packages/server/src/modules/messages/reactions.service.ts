import type { Kysely } from 'kysely';
import type { Message, User } from '@parley/protocol';
import { isUniqueViolation } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { conflict } from '../../errors.js';
import type { DomainEvents } from '../../events.js';
import { nowIso } from '../../ids.js';
import { requireWritable } from '../conversations/conversations.access.js';
import { listParticipantIds } from '../conversations/conversations.repository.js';
import { appendChange } from '../sync/sync.repository.js';
import { requireVisibleMessage } from './message-actions.service.js';
import { viewsFor, type MessageViews } from './message-views.js';
import { deleteReaction, insertReaction } from './reactions.repository.js';

/** The outcome of a reaction call: the message as the caller sees it, and whether anything changed. */
export interface ReactionResult {
  message: Message;
  changed: boolean;
}

/** Reactions (issue 5, "reactions"): one per user, message and emoji; `message:reaction` to participants. */
export class ReactionsService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly views: MessageViews,
    private readonly events: DomainEvents,
  ) {}

  /**
   * Adds the caller's `emoji` to a message; adding it again changes nothing (`changed: false`). Throws
   * `NOT_FOUND` (unknown message, or not a participant, e.g. after leaving), `MESSAGE_DELETED` and
   * `CONVERSATION_READ_ONLY` / `CONVERSATION_LOCKED`.
   */
  add(actor: User, messageId: string, emoji: string): Promise<ReactionResult> {
    return this.change(actor, messageId, emoji, true);
  }

  /** Removes the caller's `emoji` from a message; removing one that is not there changes nothing. Same errors as {@link add}. */
  remove(actor: User, messageId: string, emoji: string): Promise<ReactionResult> {
    return this.change(actor, messageId, emoji, false);
  }

  private async change(actor: User, messageId: string, emoji: string, add: boolean): Promise<ReactionResult> {
    const row = await requireVisibleMessage(this.db, actor, messageId);
    if (row.deleted_at !== null) throw conflict('MESSAGE_DELETED', 'This message was deleted');
    await requireWritable(this.db, row.conversation_id);

    const at = nowIso();
    const participantIds = await this.db
      .transaction()
      .execute(async (trx) => {
        const changed = add
          ? await insertReaction(trx, { message_id: row.id, user_id: actor.id, emoji, created_at: at }).then(() => true)
          : await deleteReaction(trx, row.id, actor.id, emoji);
        if (!changed) return null;
        await appendChange(trx, {
          conversation_id: row.conversation_id,
          kind: add ? 'reaction.added' : 'reaction.removed',
          message_id: row.id,
          user_id: actor.id,
          emoji,
          created_at: at,
        });
        return listParticipantIds(trx, row.conversation_id);
      })
      .catch((error: unknown) => {
        // The same reaction, added concurrently or already there: nothing changes.
        if (add && isUniqueViolation(error)) return null;
        throw error;
      });

    const message = await this.views.presentOne(row, null);
    if (participantIds) {
      this.events.emit('message.reaction', { conversationId: row.conversation_id, messageId: row.id, userId: actor.id, emoji, added: add, views: viewsFor(message, participantIds) });
    }
    return { message: viewsFor(message, [actor.id])[0]?.message ?? message, changed: participantIds !== null };
  }
}
