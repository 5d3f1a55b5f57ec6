import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { invalid } from './errors.js';

/** A keyset position: a sort key (an ISO timestamp) and the id that breaks ties. */
export type KeysetPosition = readonly [key: string, id: string];

/** An opaque list cursor (contract § Conventions: cursor pagination, never offsets): base64url of `[key, id]`. */
export function encodeCursor([key, id]: KeysetPosition): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

/** The position inside a cursor from {@link encodeCursor}. Throws `VALIDATION_FAILED` (on `field`, default `cursor`) for anything else. */
export function decodeCursor(cursor: string, field = 'cursor'): KeysetPosition {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return [value[0], value[1]];
    }
  } catch {
    // fall through to the validation error
  }
  throw invalid(field, 'is not a cursor this server issued');
}

/**
 * For lists newest first by `(created_at, id)` of one table (named by `table`, its alias in a join): the rows after
 * the position in `cursor` (an {@link encodeCursor} of `[createdAt, id]`). Throws `VALIDATION_FAILED` for a cursor
 * this server did not issue.
 */
export function olderThanCursor(cursor: string, table?: string): RawBuilder<SqlBool> {
  const [createdAt, id] = decodeCursor(cursor);
  const column = (name: string) => sql.ref(table ? `${table}.${name}` : name);
  return sql<SqlBool>`(${column('created_at')} < ${createdAt} or (${column('created_at')} = ${createdAt} and ${column('id')} < ${id}))`;
}

/** Rows read with `limit + 1` → the page of `limit` and, when more exist, the cursor after its last row. */
export function newestFirstPage<Row extends { created_at: string; id: string }, Item>(
  rows: Row[],
  limit: number,
  present: (row: Row) => Item,
): { items: Item[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(present), nextCursor: rows.length > limit && last ? encodeCursor([last.created_at, last.id]) : null };
}
