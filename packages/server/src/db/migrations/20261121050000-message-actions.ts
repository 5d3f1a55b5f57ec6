import type { Kysely } from 'kysely';

/**
 * Message actions (issue 5): `messages.deleted_by` and `messages.forwarded_from_id`; `conversation_changes.emoji`
 * (the emoji of a reaction change); `message_edits`, every
 * earlier version of an edited message; `message_reactions`, one row per (message, user, emoji); and
 * `audit_log`, the append-only record of edits, deletions and admin actions. Frozen once released.
 * One column per `ALTER TABLE`, because SQLite adds one column per statement.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('messages').addColumn('deleted_by', 'text').execute();
  await db.schema.alterTable('messages').addColumn('forwarded_from_id', 'text').execute();
  await db.schema.alterTable('conversation_changes').addColumn('emoji', 'text').execute();

  await db.schema
    .createTable('message_edits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('replaced_at', 'text', (c) => c.notNull())
    .addColumn('edited_by', 'text', (c) => c.notNull().references('users.id'))
    .execute();
  await db.schema.createIndex('message_edits_message_idx').on('message_edits').columns(['message_id', 'replaced_at']).execute();

  await db.schema
    .createTable('message_reactions')
    .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('emoji', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('message_reactions_pk', ['message_id', 'user_id', 'emoji'])
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('actor_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.references('conversations.id'))
    .addColumn('message_id', 'text', (c) => c.references('messages.id'))
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_recent_idx').on('audit_log').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('audit_log_conversation_idx').on('audit_log').columns(['conversation_id', 'created_at']).execute();
  await db.schema.createIndex('audit_log_actor_idx').on('audit_log').columns(['actor_id', 'created_at']).execute();
}

/** Drops what `up` created, in reverse order. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_log').execute();
  await db.schema.dropTable('message_reactions').execute();
  await db.schema.dropTable('message_edits').execute();
  await db.schema.alterTable('conversation_changes').dropColumn('emoji').execute();
  await db.schema.alterTable('messages').dropColumn('forwarded_from_id').execute();
  await db.schema.alterTable('messages').dropColumn('deleted_by').execute();
}
