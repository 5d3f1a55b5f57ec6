import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { withStartupLock } from '../src/db/database.js';
import { seedDemo } from '../src/demo/seed.js';
import { openMigrated } from '../src/main.js';
import { createTestDatabase, dialects } from './support/databases.js';

/** Issue 8: demo seeding (and any start-up step under the lock) happens once when several processes start together. */
describe.skipIf(!dialects.includes('postgres'))('start-up lock (postgres)', () => {
  it('seeds the demo workspace once when three processes start at the same time', async () => {
    const database = await createTestDatabase('postgres');
    const silent = pino({ level: 'silent' });
    // Three connection pools on one database, as three processes would hold; migrations race too (Kysely's lock table).
    const handles = await Promise.all([1, 2, 3].map(async () => (await openMigrated({ databaseUrl: database.url }, silent)).database));
    try {
      const seeded = await Promise.all(handles.map((handle) => withStartupLock(handle, 'parley-demo-seed', seedDemo)));
      expect(seeded.filter(Boolean)).toHaveLength(1);
      const [first] = handles;
      const users = await first?.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const projects = await first?.db.selectFrom('projects').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      // One workspace: the demo's users and its two accepted projects, not two or three copies.
      expect(Number(projects?.n)).toBe(2);
      expect(Number(users?.n)).toBeGreaterThan(5);
      expect(Number(users?.n)).toBeLessThan(20);
    } finally {
      await Promise.all(handles.map((handle) => handle.destroy()));
      await database.drop();
    }
  });
});
