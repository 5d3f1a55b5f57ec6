/** The server's bound for scheduling ahead (issue 7: at most a year; `MAX_SCHEDULE_AHEAD_MS` there is 366 days). */
const MAX_AHEAD_MS = 366 * 24 * 3600_000;

/** A date input's and a time input's values: `YYYY-MM-DD` and `HH:MM`, in the reader's time zone. */
export interface LocalSlot {
  date: string;
  time: string;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * The instant that `slot` names in the browser's time zone, as ISO 8601 UTC, or null when it names none.
 * ECMA-262 reads a date-time string without an offset as local time.
 */
export function slotToIso(slot: LocalSlot): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(slot.date) || !/^\d{2}:\d{2}$/.test(slot.time)) return null;
  const time = Date.parse(`${slot.date}T${slot.time}`);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** Why `slot` cannot be scheduled at `now` (ms since the epoch), or null when it can: it must lie ahead, within a year. */
export function slotProblem(slot: LocalSlot, now: number): string | null {
  const iso = slotToIso(slot);
  if (!iso) return 'Pick a date and a time.';
  const time = Date.parse(iso);
  if (time <= now) return 'Pick a time in the future.';
  if (time > now + MAX_AHEAD_MS) return 'Pick a time within a year.';
  return null;
}

/** The dialog's first proposal: the next full hour after `now` plus one hour, local time. */
export function defaultSlot(now: number): LocalSlot {
  const date = new Date(now);
  date.setMinutes(0, 0, 0);
  date.setHours(date.getHours() + 2);
  return { date: `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`, time: `${pad(date.getHours())}:${pad(date.getMinutes())}` };
}
