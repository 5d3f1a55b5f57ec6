import type { Kysely } from 'kysely';

/**
 * Location and contact messages (issue 5, "Types"): `messages.payload`, the type's structured part as JSON
 * (`{latitude, longitude, label?}` or `{name, phone?, email?}`), null for other types. Frozen once released.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('messages').addColumn('payload', 'text').execute();
}

/** Drops what `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('messages').dropColumn('payload').execute();
}
