import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../database.js';

/**
 * The conversation change stream (issue 4, guarantees 3 and 4): `conversations.last_change_seq`, the newest
 * `seq` of each conversation's change stream, and `conversation_changes`, one row per change (a new message,
 * a read position moving, a status change, a participant added; later edits, deletions and reactions).
 * `id` orders changes globally; `tx` is the PostgreSQL transaction id that wrote the row (`pg_current_xact_id()`,
 * 0 on SQLite), which lets `/api/sync` read only changes of transactions that have ended. Existing messages
 * are copied in as `message.created` changes with `tx` 0, so every conversation's stream starts complete.
 * Frozen once released.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('conversations')
    .addColumn('last_change_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  const postgres = isPostgres(db);
  await db.schema
    .createTable('conversation_changes')
    .addColumn('id', postgres ? 'bigserial' : 'integer', (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('tx', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.references('messages.id'))
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('value', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('conversation_changes_seq_uq', ['conversation_id', 'seq'])
    .execute();
  await db.schema.createIndex('conversation_changes_order_idx').on('conversation_changes').columns(['tx', 'id']).execute();

  await sql`
    insert into conversation_changes (tx, conversation_id, seq, kind, message_id, created_at)
    select 0, conversation_id, seq, 'message.created', id, created_at from messages order by conversation_id, seq
  `.execute(db);
  await sql`update conversations set last_change_seq = last_seq`.execute(db);
}

/** Drops what `up` created, in reverse order. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('conversation_changes').execute();
  await db.schema.alterTable('conversations').dropColumn('last_change_seq').execute();
}
