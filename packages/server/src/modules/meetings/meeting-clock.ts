import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { listDue, markReminded, transitionMeeting } from './meetings.repository.js';
import { formatTime, type MeetingsService } from './meetings.service.js';

/** How long an instant meeting rings before it is `missed` (issue 7: 2 minutes). */
export const RING_MS = 2 * 60_000;
/** How long after its time a scheduled meeting nobody started becomes `missed` (issue 7: 15 minutes). */
export const GRACE_MS = 15 * 60_000;
/** How long before a scheduled meeting its reminder is posted (issue 7: 10 minutes). */
export const REMINDER_MS = 10 * 60_000;
/** Meetings handled per kind of due work per tick. */
const BATCH = 100;

/**
 * The time-driven part of meetings (issue 7, "Session tracking"): reminders 10 minutes before a scheduled meeting (a
 * system message in the project conversation, which notifies its participants), and `missed` for instant meetings
 * nobody accepted within 2 minutes and scheduled ones nobody started within 15 minutes of their time. Each step is a
 * guarded transition, so ticks in several processes at once do each thing once.
 */
export class MeetingClock {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly meetings: MeetingsService,
  ) {}

  /** Does what is due at `nowMs` (ms since the epoch); answers how many meetings it reminded and marked missed. */
  async tick(nowMs = Date.now()): Promise<{ reminded: number; missed: number }> {
    let reminded = 0;
    let missed = 0;
    for (const row of await listDue(this.db, { status: 'scheduled', column: 'scheduled_for', before: iso(nowMs + REMINDER_MS), unreminded: true }, BATCH)) {
      await this.meetings.change(row.id, async (trx, at) => {
        if (!(await markReminded(trx, row.id, at))) return null;
        reminded += 1;
        return { systemText: `Reminder: the meeting “${row.title}” starts at ${formatTime(new Date(row.scheduled_for ?? at))}.` };
      });
    }
    const overdue = [
      ...(await listDue(this.db, { status: 'pending', column: 'created_at', before: iso(nowMs - RING_MS) }, BATCH)),
      ...(await listDue(this.db, { status: 'scheduled', column: 'scheduled_for', before: iso(nowMs - GRACE_MS) }, BATCH)),
    ];
    for (const row of overdue) {
      await this.meetings.change(row.id, async (trx) => {
        if (!(await transitionMeeting(trx, row.id, [row.status], { status: 'missed' }))) return null;
        missed += 1;
        return { systemText: `Missed meeting: ${row.title}` };
      });
    }
    return { reminded, missed };
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
