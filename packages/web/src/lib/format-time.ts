/**
 * Time formatting for the inbox and the thread, in the reader's locale (Intl, ECMA-402).
 * Every function takes `now` (ms since the epoch) so that callers and tests decide what "now" is.
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'short' });
const clock = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const dateThisYear = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });
const dateOtherYear = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric' });
const shortDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/**
 * "now", "5 min. ago", "3 hr. ago", "yesterday", "4 days ago", then a short date after four weeks
 * (`Intl.RelativeTimeFormat`, short style). Future times (clock skew) read as "now".
 */
export function formatRelativeTime(iso: string, now: number): string {
  const elapsed = Math.max(0, now - Date.parse(iso));
  if (elapsed < MINUTE_MS) return relative.format(0, 'second');
  if (elapsed < HOUR_MS) return relative.format(-Math.floor(elapsed / MINUTE_MS), 'minute');
  if (elapsed < DAY_MS) return relative.format(-Math.floor(elapsed / HOUR_MS), 'hour');
  if (elapsed < 7 * DAY_MS) return relative.format(-Math.floor(elapsed / DAY_MS), 'day');
  if (elapsed < 28 * DAY_MS) return relative.format(-Math.floor(elapsed / (7 * DAY_MS)), 'week');
  return shortDate.format(Date.parse(iso));
}

/** Hours and minutes of a timestamp in the reader's time zone, e.g. "2:05 PM". */
export function formatClockTime(iso: string): string {
  return clock.format(Date.parse(iso));
}

/** A full date and time for tooltips and `<time title>`. */
export function formatFullDateTime(iso: string): string {
  return new Date(iso).toLocaleString();
}

/** The local calendar day of a timestamp as `YYYY-MM-DD`, used to place day separators. */
export function localDayKey(time: number): string {
  const date = new Date(time);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** The day separator label: "Today", "Yesterday", or a date ("Monday 3 November", with the year when not this year). */
export function formatDayLabel(iso: string, now: number): string {
  const time = Date.parse(iso);
  const day = localDayKey(time);
  if (day === localDayKey(now)) return 'Today';
  const yesterday = new Date(now);
  yesterday.setDate(yesterday.getDate() - 1);
  if (day === localDayKey(yesterday.getTime())) return 'Yesterday';
  const sameYear = new Date(time).getFullYear() === new Date(now).getFullYear();
  return (sameYear ? dateThisYear : dateOtherYear).format(time);
}

/** A deadline or other calendar date, e.g. "21 Dec 2026". */
export function formatDate(iso: string): string {
  return shortDate.format(Date.parse(iso));
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A date with its time of day, e.g. "21 Nov 2026, 14:00" (meeting cards). */
export function formatDateTime(iso: string): string {
  return dateTime.format(Date.parse(iso));
}
