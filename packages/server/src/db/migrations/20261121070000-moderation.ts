import type { Kysely } from 'kysely';

/**
 * Moderation (issue 5): `reports`, one per (message, reporter), with the reported text kept as it was
 * when reported (for review even after a deletion). Frozen once released.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id'))
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
    .addColumn('reporter_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('action', 'text')
    .addColumn('message_preview', 'text', (c) => c.notNull())
    .addColumn('message_sender_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'text', (c) => c.references('users.id'))
    .addUniqueConstraint('reports_message_reporter_uq', ['message_id', 'reporter_id'])
    .execute();
  await db.schema.createIndex('reports_status_recent_idx').on('reports').columns(['status', 'created_at', 'id']).execute();
  await db.schema.createIndex('reports_recent_idx').on('reports').columns(['created_at', 'id']).execute();
}

/** Drops what `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('reports').execute();
}
