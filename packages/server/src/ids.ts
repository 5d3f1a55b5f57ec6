import { monotonicFactory } from 'ulidx';

const ulid = monotonicFactory();

/** A new id: a ULID (26 characters, time-sortable, monotonic within this process). */
export function newId(): string {
  return ulid();
}

/** Now as the contract's timestamp: ISO 8601 UTC with milliseconds. */
export function nowIso(): string {
  return new Date().toISOString();
}
