import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { UsersTable } from './identity.table.js';

export type UserRow = Selectable<UsersTable>;

/** The user with this id, if any. */
export function findUser(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Users by role, oldest first (for the demo sign-in list). */
export function listUsers(db: Db): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('role').orderBy('id').execute();
}

/** Inserts the user, or updates name, email, role and agency from a newer token; `approved` is kept. */
export async function upsertUser(db: Db, row: Omit<UserRow, 'last_seen_at'>): Promise<void> {
  await db
    .insertInto('users')
    .values(row)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        name: row.name,
        email: row.email,
        role: row.role,
        agency_id: row.agency_id,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

/** Marks a provider or agency approved. Returns false when no such user exists. */
export async function approveUser(db: Db, id: string, at: string): Promise<boolean> {
  const result = await db.updateTable('users').set({ approved: 1, updated_at: at }).where('id', '=', id).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
