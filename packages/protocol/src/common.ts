import { z } from 'zod';

/** An opaque id chosen by the server (ULIDs today: time-sortable, 26 characters). */
export const IdSchema = z.string().min(1).max(64);

/** An ISO 8601 UTC timestamp with milliseconds, e.g. `2026-11-21T10:00:00.000Z` (contract § Conventions). */
export const TimestampSchema = z.string();

/** A timestamp accepted on input: ISO 8601 with `Z` or an explicit offset; the server stores it in UTC. */
export const TimestampInputSchema = z.iso.datetime({ offset: true });

/** Route parameter `:id`. */
export const IdParamsSchema = z.object({ id: IdSchema });

/** A query-string boolean: `true`/`false` (also `1`/`0`). */
export const QueryBooleanSchema = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

/** Cursor pagination (contract § Conventions): `{items, nextCursor}`; never offsets. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** Trimmed, non-empty text of at most `max` Unicode code points. */
export function boundedText(max: number) {
  return z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .refine((value) => [...value].length <= max, `must be at most ${max} characters`);
}
