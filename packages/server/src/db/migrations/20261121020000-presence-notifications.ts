import { sql, type Kysely } from 'kysely';

/**
 * Presence and notifications (issue 4): `users.last_seen_at`; the participant settings `muted_until` and
 * `pinned`; and `notifications`, with at most one unread notification per (user, conversation), enforced by a
 * partial unique index that the notification upsert names as its conflict target. Frozen once released.
 * One column per `ALTER TABLE`, because SQLite adds one column per statement.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('last_seen_at', 'text').execute();
  await db.schema.alterTable('conversation_participants').addColumn('muted_until', 'text').execute();
  await db.schema
    .alterTable('conversation_participants')
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('project_title', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
    .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id'))
    .addColumn('message_seq', 'integer', (c) => c.notNull())
    .addColumn('sender_id', 'text', (c) => c.references('users.id'))
    .addColumn('sender_name', 'text', (c) => c.notNull())
    .addColumn('preview', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema
    .createIndex('notifications_unread_uq')
    .on('notifications')
    .columns(['user_id', 'conversation_id'])
    .unique()
    .where(sql.ref('read_at'), 'is', null)
    .execute();
  await db.schema.createIndex('notifications_user_recent_idx').on('notifications').columns(['user_id', 'created_at', 'id']).execute();
}

/** Drops what `up` created, in reverse order. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notifications').execute();
  await db.schema.alterTable('conversation_participants').dropColumn('pinned').execute();
  await db.schema.alterTable('conversation_participants').dropColumn('muted_until').execute();
  await db.schema.alterTable('users').dropColumn('last_seen_at').execute();
}
