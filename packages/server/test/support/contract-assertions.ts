import { sql } from 'kysely';
import { expect } from 'vitest';
import type { ApiResponse, TestServer } from './server.js';

/** An ISO 8601 UTC timestamp with milliseconds, as the contract writes them (`2026-11-21T10:00:00.000Z`). */
export const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Asserts an error answer: the HTTP status and the contract's body
 * `{"error": {"code", "message", "details"?}}` (contract § Conventions). Returns the `error` object.
 */
export async function expectError(response: Promise<ApiResponse> | ApiResponse, status: number, code: string): Promise<any> {
  const { status: actual, body } = await response;
  expect({ status: actual, code: body?.error?.code }, JSON.stringify(body)).toEqual({ status, code });
  expect(typeof body.error.message).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).every((key) => ['code', 'message', 'details'].includes(key))).toBe(true);
  return body.error;
}

/** Every table's rows, each table's rows serialized and sorted so that row order does not matter. */
export type DatabaseSnapshot = Record<string, string[]>;

/**
 * Reads every application table (found by introspection, so tables added later are covered too;
 * Kysely's own migration tables are left out) on SQLite and PostgreSQL alike. `exclude` names tables
 * to skip, e.g. `users` when a test signs new users in between two snapshots.
 */
export async function snapshotDatabase(t: TestServer, exclude: string[] = []): Promise<DatabaseSnapshot> {
  // Notifications and presence are written after the answer that caused them: let earlier ones land first.
  await t.server.app.settled();
  const { db } = t.server.database;
  const tables = (await db.introspection.getTables()).map((table) => table.name).filter((name) => !exclude.includes(name));
  const snapshot: DatabaseSnapshot = {};
  for (const name of tables.sort()) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    snapshot[name] = rows.map((row) => JSON.stringify(row, Object.keys(row).sort())).sort();
  }
  return snapshot;
}

/**
 * Runs `act` and asserts that it answered `status` with `code` and that no table changed
 * (contract § Marketplace flow: "A refusal changes nothing").
 */
export async function expectRefusalChangesNothing(
  t: TestServer,
  act: () => Promise<ApiResponse>,
  status: number,
  code: string,
  exclude: string[] = [],
): Promise<void> {
  const before = await snapshotDatabase(t, exclude);
  expect(Object.keys(before)).toEqual(expect.arrayContaining(['conversations', 'messages', 'projects', 'proposals', 'requests']));
  await expectError(act(), status, code);
  expect(await snapshotDatabase(t, exclude)).toEqual(before);
}
