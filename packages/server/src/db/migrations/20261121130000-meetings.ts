import type { Kysely } from 'kysely';

/**
 * Video meetings (issue 7): one row per meeting, one per (meeting, participant) with the participant's stable numeric
 * media uid (unique within the meeting). Frozen once released.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
    .addColumn('host_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('scheduled_for', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().unique())
    .addColumn('started_at', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('duration_sec', 'integer')
    .addColumn('reminded_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meetings_project').on('meetings').columns(['project_id', 'created_at']).execute();
  await db.schema.createIndex('meetings_status').on('meetings').columns(['status', 'scheduled_for']).execute();
  await db.schema
    .createTable('meeting_participants')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('uid', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'text')
    .addColumn('left_at', 'text')
    .addPrimaryKeyConstraint('meeting_participants_pk', ['meeting_id', 'user_id'])
    .addUniqueConstraint('meeting_participants_uid_uq', ['meeting_id', 'uid'])
    .execute();
}

/** Drops what `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('meeting_participants').execute();
  await db.schema.dropTable('meetings').execute();
}
