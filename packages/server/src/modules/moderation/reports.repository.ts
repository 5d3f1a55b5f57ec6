import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import { olderThanCursor } from '../../pagination.js';
import type { ReportsTable } from './reports.table.js';

export type ReportRow = Selectable<ReportsTable>;

/** Stores a report; throws a unique violation when the reporter already reported that message. */
export async function insertReport(db: Db, row: ReportRow): Promise<void> {
  await db.insertInto('reports').values(row).execute();
}

export function findReport(db: Db, id: string): Promise<ReportRow | undefined> {
  return db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Reports newest first by `(created_at, id)`, after `cursor`, optionally by status. */
export function listReports(db: Db, filter: { status?: ReportRow['status'] | undefined; cursor?: string | undefined; limit: number }): Promise<ReportRow[]> {
  let select = db.selectFrom('reports').selectAll();
  if (filter.status) select = select.where('status', '=', filter.status);
  if (filter.cursor) select = select.where(olderThanCursor(filter.cursor));
  return select.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
}

/** Closes an open report with an admin's decision; false when it was resolved meanwhile. */
export async function closeReport(
  db: Db,
  id: string,
  decision: Pick<ReportRow, 'status' | 'action' | 'resolved_at' | 'resolved_by'>,
): Promise<boolean> {
  const result = await db.updateTable('reports').set(decision).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
