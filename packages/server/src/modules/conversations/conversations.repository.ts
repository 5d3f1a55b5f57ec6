import { sql, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.js';
import { appendChange } from '../sync/sync.repository.js';
import type { ConversationsTable, ParticipantsTable } from './conversations.table.js';

export type ConversationRow = Selectable<ConversationsTable>;
export type ParticipantRow = Selectable<ParticipantsTable>;

/** A conversation joined with the caller's participant state, its newest message and the caller's unread count. */
export interface ConversationViewRow extends ConversationRow {
  last_read_seq: number;
  muted: number;
  muted_until: string | null;
  archived: number;
  pinned: number;
  /** A scalar count subquery: never null in practice, typed as Kysely types subqueries. */
  unread_count: number | null;
  lm_id: string | null;
  lm_sender_id: string | null;
  lm_type: string | null;
  lm_text: string | null;
  lm_created_at: string | null;
  lm_deleted_at: string | null;
}

/** One participant with the user fields the contract shows. */
export interface ParticipantUserRow {
  conversation_id: string;
  user_id: string;
  name: string;
  role: string;
  last_read_seq: number;
  last_seen_at: string | null;
}

export async function insertConversation(db: Db, row: ConversationRow): Promise<void> {
  await db.insertInto('conversations').values(row).execute();
}

export async function insertParticipant(db: Db, conversationId: string, userId: string, at: string): Promise<void> {
  await db
    .insertInto('conversation_participants')
    .values({
      conversation_id: conversationId,
      user_id: userId,
      joined_at: at,
      last_read_seq: 0,
      last_read_at: null,
      muted: 0,
      muted_until: null,
      archived: 0,
      pinned: 0,
    })
    .execute();
}

/** Ends `userId`'s participation in a conversation and records `participant.removed` in its change stream. */
export async function removeParticipant(db: Db, conversationId: string, userId: string, at: string): Promise<void> {
  await db.deleteFrom('conversation_participants').where('conversation_id', '=', conversationId).where('user_id', '=', userId).execute();
  await appendChange(db, { conversation_id: conversationId, kind: 'participant.removed', user_id: userId, created_at: at });
}

/** Makes `userId` a participant of a conversation and records `participant.added` in its change stream. */
export async function addParticipant(db: Db, conversationId: string, userId: string, at: string): Promise<void> {
  await insertParticipant(db, conversationId, userId, at);
  await appendChange(db, { conversation_id: conversationId, kind: 'participant.added', user_id: userId, created_at: at });
}

export function findParticipant(db: Db, conversationId: string, userId: string): Promise<ParticipantRow | undefined> {
  return db
    .selectFrom('conversation_participants')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function listParticipantIds(db: Db, conversationId: string): Promise<string[]> {
  const rows = await db.selectFrom('conversation_participants').select('user_id').where('conversation_id', '=', conversationId).execute();
  return rows.map((row) => row.user_id);
}

/** Participants of the given conversations with their names, roles, read positions and last-seen times, in joining order. */
export function listParticipantUsers(db: Db, conversationIds: string[]): Promise<ParticipantUserRow[]> {
  if (conversationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('conversation_participants as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select(['p.conversation_id', 'u.id as user_id', 'u.name', 'u.role', 'p.last_read_seq', 'u.last_seen_at'])
    .where('p.conversation_id', 'in', conversationIds)
    .orderBy('p.joined_at')
    .orderBy('u.id')
    .execute();
}

export function findConversation(db: Db, id: string): Promise<ConversationRow | undefined> {
  return db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listProjectConversations(db: Db, projectId: string): Promise<ConversationRow[]> {
  return db.selectFrom('conversations').selectAll().where('project_id', '=', projectId).orderBy('id').execute();
}

export async function setProjectConversationsStatus(db: Db, projectId: string, status: ConversationRow['status']): Promise<void> {
  await db.updateTable('conversations').set({ status }).where('project_id', '=', projectId).execute();
}

/**
 * Allocates the next message `seq` of an active conversation and the next `seq` of its change stream:
 * one `UPDATE … RETURNING` that row-locks the conversation until the surrounding transaction ends, so
 * both are unique and gap-free across processes (a rolled-back insert rolls the counters back too).
 * Undefined when the conversation is missing, or not active while `onlyActive` (the default) holds.
 */
export async function allocateSeq(
  db: Db,
  conversationId: string,
  at: string,
  { onlyActive = true }: { onlyActive?: boolean } = {},
): Promise<{ seq: number; changeSeq: number } | undefined> {
  let update = db
    .updateTable('conversations')
    .set({ last_seq: sql`last_seq + 1`, last_change_seq: sql`last_change_seq + 1`, last_message_at: at })
    .where('id', '=', conversationId);
  if (onlyActive) update = update.where('status', '=', 'active');
  const row = await update.returning(['last_seq', 'last_change_seq']).executeTakeFirst();
  return row && { seq: row.last_seq, changeSeq: row.last_change_seq };
}

/** Moves a participant's read position to `seq` if that is forward; returns the stored position. */
export async function advanceReadSeq(db: Db, conversationId: string, userId: string, seq: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable('conversation_participants')
    .set({ last_read_seq: seq, last_read_at: at })
    .where('conversation_id', '=', conversationId)
    .where('user_id', '=', userId)
    .where('last_read_seq', '<', seq)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** A participant's own settings; only the fields given change. */
export type ParticipantSettings = Partial<Pick<ParticipantRow, 'muted' | 'muted_until' | 'archived' | 'pinned'>>;

/** Updates a participant's settings; false when they are not a participant. */
export async function updateParticipantSettings(db: Db, conversationId: string, userId: string, settings: ParticipantSettings): Promise<boolean> {
  const result = await db
    .updateTable('conversation_participants')
    .set(settings)
    .where('conversation_id', '=', conversationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Messages after `seq` not sent by `userId` (system messages count): the unread count at that read position. */
export async function countUnread(db: Db, conversationId: string, userId: string, afterSeq: number): Promise<number> {
  const row = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('conversation_id', '=', conversationId)
    .where('seq', '>', afterSeq)
    .where((eb) => eb.or([eb('sender_id', 'is', null), eb('sender_id', '<>', userId)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Keyset position in the conversation list: newest activity first, ties by id. */
export interface ActivityCursor {
  lastMessageAt: string;
  id: string;
}

/**
 * The caller's conversations, newest activity first (keyset on `last_message_at, id`), or just `onlyId`.
 * `search` matches conversation title, project title and participant names, case-insensitively.
 */
/**
 * True for a conversation (aliased `c` in the query) whose title, project title or a participant's name
 * contains `search`, case-insensitively (Unicode `lower` on both dialects, see db/database.ts); `%` and `_`
 * in `search` match themselves.
 */
export function matchesConversationSearch(search: string): RawBuilder<SqlBool> {
  const pattern = `%${search.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const like = (column: string) => sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
  return sql<SqlBool>`(${like('c.title')}
    or exists (select 1 from projects pr where pr.id = c.project_id and ${like('pr.title')})
    or exists (select 1 from conversation_participants sp inner join users su on su.id = sp.user_id where sp.conversation_id = c.id and ${like('su.name')}))`;
}

export function listConversationViews(
  db: Db,
  userId: string,
  opts: { onlyId?: string; archived?: boolean; search?: string; after?: ActivityCursor; limit: number },
): Promise<ConversationViewRow[]> {
  let query = db
    .selectFrom('conversation_participants as p')
    .innerJoin('conversations as c', 'c.id', 'p.conversation_id')
    .leftJoin('messages as m', (join) => join.onRef('m.conversation_id', '=', 'c.id').onRef('m.seq', '=', 'c.last_seq'))
    .selectAll('c')
    .select(['p.last_read_seq', 'p.muted', 'p.muted_until', 'p.archived', 'p.pinned'])
    .select(['m.id as lm_id', 'm.sender_id as lm_sender_id', 'm.type as lm_type', 'm.text as lm_text', 'm.created_at as lm_created_at', 'm.deleted_at as lm_deleted_at'])
    .select((eb) =>
      eb
        .selectFrom('messages as u')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('u.conversation_id', '=', 'c.id')
        .whereRef('u.seq', '>', 'p.last_read_seq')
        .where((inner) => inner.or([inner('u.sender_id', 'is', null), inner('u.sender_id', '<>', userId)]))
        .as('unread_count'),
    )
    .where('p.user_id', '=', userId);
  if (opts.onlyId) query = query.where('c.id', '=', opts.onlyId);
  if (opts.archived !== undefined) query = query.where('p.archived', '=', opts.archived ? 1 : 0);
  if (opts.search) query = query.where(matchesConversationSearch(opts.search));
  if (opts.after) {
    const { lastMessageAt, id } = opts.after;
    query = query.where((eb) =>
      eb.or([eb('c.last_message_at', '<', lastMessageAt), eb.and([eb('c.last_message_at', '=', lastMessageAt), eb('c.id', '<', id)])]),
    );
  }
  return query
    .orderBy('c.last_message_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(opts.limit)
    .execute();
}
