import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import type { Database } from './schema.js';
import * as initial from './migrations/20261121000000-initial.js';
import * as presenceNotifications from './migrations/20261121020000-presence-notifications.js';
import * as changeLog from './migrations/20261121040000-change-log.js';
import * as messageActions from './migrations/20261121050000-message-actions.js';
import * as search from './migrations/20261121060000-search.js';
import * as moderation from './migrations/20261121070000-moderation.js';
import * as pins from './migrations/20261121080000-pins.js';
import * as mentions from './migrations/20261121090000-mentions.js';
import * as messagePayloads from './migrations/20261121100000-message-payloads.js';
import * as groups from './migrations/20261121110000-groups.js';
import * as attachments from './migrations/20261121120000-attachments.js';
import * as meetings from './migrations/20261121130000-meetings.js';

/** Every migration, by its frozen timestamped name (CONVENTIONS rule 6). Add new ones at the end. */
const migrations: Record<string, Migration> = {
  '20261121000000-initial': initial,
  '20261121020000-presence-notifications': presenceNotifications,
  '20261121040000-change-log': changeLog,
  '20261121050000-message-actions': messageActions,
  '20261121060000-search': search,
  '20261121070000-moderation': moderation,
  '20261121080000-pins': pins,
  '20261121090000-mentions': mentions,
  '20261121100000-message-payloads': messagePayloads,
  '20261121110000-groups': groups,
  '20261121120000-attachments': attachments,
  '20261121130000-meetings': meetings,
};

/**
 * Brings the schema up to date. Kysely's Migrator takes a lock table first, so several processes
 * starting at once on one PostgreSQL database migrate once. Throws the first migration error.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } });
  const result = await migrator.migrateToLatest();
  if (result.error instanceof Error) throw result.error;
  if (result.error !== undefined) throw new Error(`Migration failed: ${JSON.stringify(result.error)}`);
  return result;
}
