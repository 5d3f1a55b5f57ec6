import { sql, type Selectable } from 'kysely';
import { isPostgres, type Db } from '../../db/database.js';
import type { ConversationChangesTable } from './sync.table.js';

export type ChangeRow = Selectable<ConversationChangesTable>;

/** A change to record: the columns its kind needs, the rest null. */
export type NewChange = Pick<ChangeRow, 'conversation_id' | 'kind' | 'created_at'> & Partial<Pick<ChangeRow, 'message_id' | 'user_id' | 'value' | 'emoji'>>;

/**
 * A position in the global change order `(tx, id)`: everything at or before it has been handed out.
 * On SQLite `tx` is always 0 and `id` alone orders (one process writes, transactions never interleave).
 */
export interface ChangePosition {
  tx: number;
  id: number;
}

/**
 * Allocates the next `seq` of a conversation's change stream: `UPDATE … RETURNING`, which row-locks the
 * conversation until the transaction ends (gap-free across processes, as for message seqs).
 * Undefined when the conversation does not exist.
 */
export async function allocateChangeSeq(db: Db, conversationId: string): Promise<number | undefined> {
  const row = await db
    .updateTable('conversations')
    .set({ last_change_seq: sql`last_change_seq + 1` })
    .where('id', '=', conversationId)
    .returning('last_change_seq')
    .executeTakeFirst();
  return row?.last_change_seq;
}

/** Inserts a change under an already allocated `seq`, stamping PostgreSQL's transaction id into `tx`. */
export async function insertChange(db: Db, change: NewChange, seq: number): Promise<void> {
  await db
    .insertInto('conversation_changes')
    .values({
      conversation_id: change.conversation_id,
      seq,
      kind: change.kind,
      message_id: change.message_id ?? null,
      user_id: change.user_id ?? null,
      value: change.value ?? null,
      emoji: change.emoji ?? null,
      created_at: change.created_at,
      ...(isPostgres(db) ? { tx: sql<number>`pg_current_xact_id()::text::bigint` } : {}),
    })
    .execute();
}

/** Records a change under its conversation's next change `seq`, inside the caller's transaction. */
export async function appendChange(db: Db, change: NewChange): Promise<void> {
  const seq = await allocateChangeSeq(db, change.conversation_id);
  if (seq === undefined) throw new Error(`No conversation ${change.conversation_id} to record a change in`);
  await insertChange(db, change, seq);
}

/** Records that `userId`'s read position in a conversation moved forward to `seq` (a message `seq`). */
export function appendReadChange(db: Db, conversationId: string, userId: string, seq: number, at: string): Promise<void> {
  return appendChange(db, { conversation_id: conversationId, kind: 'conversation.read', user_id: userId, value: seq, created_at: at });
}

/**
 * The bound below which every change is final: on PostgreSQL the oldest transaction id still running
 * (`pg_snapshot_xmin(pg_current_snapshot())`): every transaction below it has committed or rolled back,
 * so no row with a smaller `tx` can appear later (PostgreSQL docs, "System Information Functions",
 * snapshot functions). On SQLite, where a transaction is never seen half-done, no bound.
 */
export async function changeHorizon(db: Db): Promise<number> {
  if (!isPostgres(db)) return Number.POSITIVE_INFINITY;
  const { rows } = await sql<{ horizon: number }>`select pg_snapshot_xmin(pg_current_snapshot())::text::bigint as horizon`.execute(db);
  const horizon = rows[0]?.horizon;
  if (horizon === undefined) throw new Error('PostgreSQL returned no snapshot');
  return Number(horizon);
}

/** The position "now": after every change already final, before any that can still appear. */
export async function currentPosition(db: Db): Promise<ChangePosition> {
  const horizon = await changeHorizon(db);
  if (Number.isFinite(horizon)) return { tx: horizon - 1, id: Number.MAX_SAFE_INTEGER };
  const row = await db.selectFrom('conversation_changes').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  return { tx: 0, id: Number(row?.id ?? 0) };
}

/**
 * Up to `limit` final changes after `after`, in `(tx, id)` order, of the conversations `userId`
 * participates in now, plus their own removals from conversations.
 */
export async function listChangesFor(db: Db, userId: string, after: ChangePosition, limit: number): Promise<ChangeRow[]> {
  const horizon = await changeHorizon(db);
  let query = db
    .selectFrom('conversation_changes as c')
    .selectAll('c')
    .where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom('conversation_participants as p').select('p.user_id').whereRef('p.conversation_id', '=', 'c.conversation_id').where('p.user_id', '=', userId)),
        // Their own removal reaches a removed participant, so their client drops the conversation.
        eb.and([eb('c.kind', '=', 'participant.removed'), eb('c.user_id', '=', userId)]),
      ]),
    )
    .where((eb) => eb.or([eb('c.tx', '>', after.tx), eb.and([eb('c.tx', '=', after.tx), eb('c.id', '>', after.id)])]));
  if (Number.isFinite(horizon)) query = query.where('c.tx', '<', horizon);
  const rows = await query.orderBy('c.tx').orderBy('c.id').limit(limit).execute();
  return rows.map((row) => ({ ...row, id: Number(row.id), tx: Number(row.tx) }));
}
