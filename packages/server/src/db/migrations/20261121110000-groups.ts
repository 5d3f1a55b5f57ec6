import type { Kysely } from 'kysely';

/** Group conversations (issue 5, "Groups inside a project"): `conversations.created_by`, null for project conversations. Frozen once released. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('conversations').addColumn('created_by', 'text').execute();
}

/** Drops what `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('conversations').dropColumn('created_by').execute();
}
