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
