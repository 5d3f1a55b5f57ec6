import type { Kysely } from 'kysely';

/** Pinned messages (issue 5, "pins"): one row per (conversation, message). Frozen once released. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('conversation_pins')
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
    .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id'))
    .addColumn('pinned_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('pinned_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('conversation_pins_pk', ['conversation_id', 'message_id'])
    .execute();
}

/** Drops what `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('conversation_pins').execute();
}
