import type { Kysely } from 'kysely';
import type {
  MarkNotificationsReadBody,
  MarkNotificationsReadResult,
  Message,
  NotificationListQuery,
  NotificationPage,
  User,
} from '@parley/protocol';
import type { BackgroundWork } from '../../background.js';
import type { Database } from '../../db/schema.js';
import { decodeCursor, encodeCursor } from '../../pagination.js';
import type { DomainEvents } from '../../events.js';
import { newId, nowIso } from '../../ids.js';
import { messagePreview } from '../messages/messages.presenter.js';
import type { ViewingTracker } from '../presence/viewing-tracker.js';
import { presentNotification } from './notifications.presenter.js';
import {
  findMessageContext,
  listNotifications,
  listParticipantsBehind,
  listUnmutedParticipants,
  markNotificationsRead,
  upsertUnreadNotifications,
  type NotificationCursor,
  type NotificationRow,
} from './notifications.repository.js';

/** The sender name system messages carry in notifications. */
export const SYSTEM_SENDER_NAME = 'Parley';

/**
 * Notifications (issue 4): a stored message notifies each other participant who is not viewing its
 * conversation and has not muted it. It listens to `message.created` and works after the send has been
 * answered, in its own transaction, so it never slows or fails a send; failures are logged. One
 * conversation's messages are handled one after the other, in the order they were stored. Each stored
 * notification is announced as `notification.created`.
 */
export class NotificationsService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly events: DomainEvents,
    private readonly viewing: ViewingTracker,
    private readonly work: BackgroundWork,
  ) {
    events.on('message.created', ({ message, participantIds }) => {
      // One conversation's messages are handled in the order they were stored.
      this.work.queue(`notifications:${message.conversationId}`, 'notifications (message.created)', () => this.notifyMessage(message, participantIds));
    });
  }

  /**
   * The caller's notifications, newest first (`createdAt`, then id), `limit` per page with an opaque
   * `nextCursor`; only unread ones with `unread=true`. Throws `VALIDATION_FAILED` for a malformed cursor.
   */
  async list(actor: User, query: NotificationListQuery): Promise<NotificationPage> {
    const rows = await listNotifications(this.db, actor.id, {
      unread: query.unread ?? false,
      ...(query.cursor ? { after: toNotificationCursor(decodeCursor(query.cursor)) } : {}),
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return { items: page.map(presentNotification), nextCursor: rows.length > query.limit && last ? encodeCursor([last.created_at, last.id]) : null };
  }

  /** Marks the caller's notifications read (`ids`, others' ids ignored, or `all`); answers how many changed. */
  async markRead(actor: User, body: MarkNotificationsReadBody): Promise<MarkNotificationsReadResult> {
    const ids = 'all' in body ? 'all' : body.ids;
    return { updated: await markNotificationsRead(this.db, actor.id, ids, nowIso()) };
  }

  /** Resolves once no notification work is in flight (shutdown, tests). */
  settled(): Promise<void> {
    return this.work.settled();
  }

  private async notifyMessage(message: Message, participantIds: string[]): Promise<void> {
    const viewers = await this.viewing.viewers(message.conversationId);
    const candidates = participantIds.filter((id) => id !== message.senderId && !viewers.has(id));
    if (candidates.length === 0) return;
    const stored = await this.db.transaction().execute(async (trx) => {
      const context = await findMessageContext(trx, message.conversationId, message.senderId);
      if (!context) return [];
      // A mention notifies even in a muted conversation (issue 5, "mentions").
      const unmuted = await listUnmutedParticipants(trx, message.conversationId, candidates, nowIso());
      // Someone who already read past this message (in another tab, before this ran) is not notified of it.
      const unread = new Set(await listParticipantsBehind(trx, message.conversationId, candidates, message.seq));
      const recipients = candidates.filter((id) => unread.has(id) && (unmuted.includes(id) || message.mentions.includes(id))).sort();
      return upsertUnreadNotifications(
        trx,
        recipients.map(
          (userId): NotificationRow => ({
            id: newId(),
            user_id: userId,
            type: 'message.new',
            project_id: context.project_id,
            project_title: context.project_title,
            conversation_id: message.conversationId,
            message_id: message.id,
            message_seq: message.seq,
            sender_id: message.senderId,
            sender_name: message.senderId === null ? SYSTEM_SENDER_NAME : (context.sender_name ?? message.senderId),
            preview: messagePreview(message.text, message.type),
            count: 1,
            created_at: message.createdAt,
            read_at: null,
          }),
        ),
      );
    });
    for (const row of stored) this.events.emit('notification.created', { userId: row.user_id, notification: presentNotification(row) });
  }
}

const toNotificationCursor = ([createdAt, id]: readonly [string, string]): NotificationCursor => ({ createdAt, id });
