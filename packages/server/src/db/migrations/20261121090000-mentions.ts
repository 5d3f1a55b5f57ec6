import type { Kysely } from 'kysely';

/** Mentions (issue 5): `messages.mentions`, the mentioned participants' user ids as a JSON array. Frozen once released. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('messages')
    .addColumn('mentions', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
}

/** Drops what `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('messages').dropColumn('mentions').execute();
}
