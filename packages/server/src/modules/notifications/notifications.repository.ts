import { sql, type Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { NotificationsTable } from './notifications.table.js';

export type NotificationRow = Selectable<NotificationsTable>;

/** What a new message's notification needs to know about its conversation and sender. */
export interface MessageContextRow {
  project_id: string;
  project_title: string;
  /** Null for system messages or an unknown sender. */
  sender_name: string | null;
}

/** The project of a conversation and the sender's name (null when `senderId` is null). */
export async function findMessageContext(db: Db, conversationId: string, senderId: string | null): Promise<MessageContextRow | undefined> {
  const conversation = await db
    .selectFrom('conversations as c')
    .innerJoin('projects as p', 'p.id', 'c.project_id')
    .select(['p.id as project_id', 'p.title as project_title'])
    .where('c.id', '=', conversationId)
    .executeTakeFirst();
  if (!conversation) return undefined;
  const sender = senderId === null ? undefined : await db.selectFrom('users').select('name').where('id', '=', senderId).executeTakeFirst();
  return { ...conversation, sender_name: sender?.name ?? null };
}

/**
 * Of `userIds`, the participants of the conversation who have not muted it at `now`: not `muted`, and
 * `muted_until` unset or not after `now` (ISO 8601 UTC strings compare in time order).
 */
export async function listUnmutedParticipants(db: Db, conversationId: string, userIds: string[], now: string): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('conversation_participants')
    .select('user_id')
    .where('conversation_id', '=', conversationId)
    .where('user_id', 'in', userIds)
    .where('muted', '=', 0)
    .where((eb) => eb.or([eb('muted_until', 'is', null), eb('muted_until', '<=', now)]))
    // A fixed order, so concurrent notification transactions take their row locks in the same order.
    .orderBy('user_id')
    .execute();
  return rows.map((row) => row.user_id);
}

/** Of `userIds`, the participants whose read position is below `seq` (who have not read that message yet). */
export async function listParticipantsBehind(db: Db, conversationId: string, userIds: string[], seq: number): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('conversation_participants')
    .select('user_id')
    .where('conversation_id', '=', conversationId)
    .where('user_id', 'in', userIds)
    .where('last_read_seq', '<', seq)
    .execute();
  return rows.map((row) => row.user_id);
}

/**
 * Inserts each of `rows` as its user's unread notification for its conversation, or, when one is unread
 * already (the partial unique index `notifications_unread_uq`), adds one to its `count` and moves its message
 * fields to the row's message if that one is newer (higher `message_seq`), keeping its id. One atomic
 * statement for all rows (each for another user), so concurrent messages never create two unread
 * notifications. Returns the stored rows.
 */
export async function upsertUnreadNotifications(db: Db, rows: NotificationRow[]): Promise<NotificationRow[]> {
  if (rows.length === 0) return [];
  const newer = (column: keyof NotificationsTable) =>
    sql<string>`case when excluded.message_seq > notifications.message_seq then ${sql.ref(`excluded.${column}`)} else ${sql.ref(`notifications.${column}`)} end`;
  return db
    .insertInto('notifications')
    .values(rows)
    .onConflict((oc) =>
      oc
        .columns(['user_id', 'conversation_id'])
        .where('read_at', 'is', null)
        .doUpdateSet({
          count: sql<number>`notifications.count + 1`,
          message_id: newer('message_id'),
          sender_id: newer('sender_id'),
          sender_name: newer('sender_name'),
          preview: newer('preview'),
          created_at: newer('created_at'),
          message_seq: sql<number>`case when excluded.message_seq > notifications.message_seq then excluded.message_seq else notifications.message_seq end`,
        }),
    )
    .returningAll()
    .execute();
}

/** Keyset position in a notification list: newest first, ties by id. */
export interface NotificationCursor {
  createdAt: string;
  id: string;
}

/** Up to `limit` of the user's notifications, newest first (keyset on `created_at, id`), only unread ones with `unread`. */
export function listNotifications(
  db: Db,
  userId: string,
  opts: { unread: boolean; after?: NotificationCursor; limit: number },
): Promise<NotificationRow[]> {
  let query = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (opts.unread) query = query.where('read_at', 'is', null);
  if (opts.after) {
    const { createdAt, id } = opts.after;
    query = query.where((eb) => eb.or([eb('created_at', '<', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)])]));
  }
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(opts.limit).execute();
}

/** Marks the user's unread notifications read: those named by `ids` (others' ids match nothing), or all. Returns how many. */
export async function markNotificationsRead(db: Db, userId: string, ids: string[] | 'all', at: string): Promise<number> {
  if (ids !== 'all' && ids.length === 0) return 0;
  let query = db.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids !== 'all') query = query.where('id', 'in', ids);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Marks read the user's unread notification of a conversation once their read position covers its newest
 * message (`message_seq` ≤ `readSeq`): reading a conversation reads its notification. Returns how many changed.
 */
export async function markConversationNotificationsRead(db: Db, userId: string, conversationId: string, readSeq: number, at: string): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('conversation_id', '=', conversationId)
    .where('read_at', 'is', null)
    .where('message_seq', '<=', readSeq)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
