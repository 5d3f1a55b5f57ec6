import { sql, type Selectable } from 'kysely';
import type { MeetingStatus } from '@parley/protocol';
import type { Db } from '../../db/database.js';
import type { MeetingParticipantsTable, MeetingsTable } from './meetings.table.js';

export type MeetingRow = Selectable<MeetingsTable>;
export type MeetingParticipantRow = Selectable<MeetingParticipantsTable>;

/** A meeting row with its participants, in uid order. */
export interface MeetingRecord {
  meeting: MeetingRow;
  participants: MeetingParticipantRow[];
}

export async function insertMeeting(db: Db, row: MeetingRow): Promise<void> {
  await db.insertInto('meetings').values(row).execute();
}

export async function insertMeetingParticipant(db: Db, row: MeetingParticipantRow): Promise<void> {
  await db.insertInto('meeting_participants').values(row).execute();
}

export function findMeeting(db: Db, id: string): Promise<MeetingRow | undefined> {
  return db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The meeting and its project's status, when `userId` is a member of its project (one indexed read). */
export function findMeetingForMember(db: Db, meetingId: string, userId: string): Promise<(MeetingRow & { project_status: string }) | undefined> {
  return db
    .selectFrom('meetings as m')
    .innerJoin('project_members as pm', (join) => join.onRef('pm.project_id', '=', 'm.project_id').on('pm.user_id', '=', userId))
    .innerJoin('projects as p', 'p.id', 'm.project_id')
    .selectAll('m')
    .select('p.status as project_status')
    .where('m.id', '=', meetingId)
    .executeTakeFirst();
}

/** One participant of a meeting, if asked or come. */
export function findMeetingParticipant(db: Db, meetingId: string, userId: string): Promise<MeetingParticipantRow | undefined> {
  return db.selectFrom('meeting_participants').selectAll().where('meeting_id', '=', meetingId).where('user_id', '=', userId).executeTakeFirst();
}

/**
 * Marks the meeting changed at `at`, which also takes its row lock until the transaction ends (an UPDATE locks the
 * row on PostgreSQL and the database on SQLite), so changes to one meeting run one after another. False when unknown.
 */
export async function touchMeeting(db: Db, id: string, at: string): Promise<boolean> {
  const result = await db.updateTable('meetings').set({ updated_at: at }).where('id', '=', id).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Sets fields of a meeting whose status is one of `from`; false when it was in none of them. */
export async function transitionMeeting(db: Db, id: string, from: readonly MeetingStatus[], fields: Partial<Omit<MeetingRow, 'id'>>): Promise<boolean> {
  const result = await db.updateTable('meetings').set(fields).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export function listMeetingParticipants(db: Db, meetingIds: readonly string[]): Promise<MeetingParticipantRow[]> {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('meeting_participants').selectAll().where('meeting_id', 'in', meetingIds).orderBy('meeting_id').orderBy('uid').execute();
}

export async function updateMeetingParticipant(db: Db, meetingId: string, userId: string, fields: Partial<Pick<MeetingParticipantRow, 'status' | 'joined_at' | 'left_at'>>): Promise<void> {
  await db.updateTable('meeting_participants').set(fields).where('meeting_id', '=', meetingId).where('user_id', '=', userId).execute();
}

/** Everyone still in the media session leaves at `at` (the meeting ended). */
export async function leaveAll(db: Db, meetingId: string, at: string): Promise<void> {
  await db.updateTable('meeting_participants').set({ status: 'left', left_at: at }).where('meeting_id', '=', meetingId).where('status', '=', 'joined').execute();
}

/** The next free uid of a meeting (1 for the first participant). Call after {@link touchMeeting} in the same transaction. */
export async function nextUid(db: Db, meetingId: string): Promise<number> {
  const row = await db
    .selectFrom('meeting_participants')
    .select(sql<number>`coalesce(max(uid), 0) + 1`.as('next'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  return Number(row?.next ?? 1);
}

/** A project's meetings, newest first (at most `limit`). */
export function listProjectMeetings(db: Db, projectId: string, limit: number): Promise<MeetingRow[]> {
  return db.selectFrom('meetings').selectAll().where('project_id', '=', projectId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** Records a scheduled meeting's reminder at `at`; false when it was reminded already or is no longer scheduled. */
export async function markReminded(db: Db, id: string, at: string): Promise<boolean> {
  const result = await db.updateTable('meetings').set({ reminded_at: at }).where('id', '=', id).where('status', '=', 'scheduled').where('reminded_at', 'is', null).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Meetings in `status` whose `column` is before `before` (ISO 8601), oldest first: the clock's due work. */
export function listDue(
  db: Db,
  due: { status: MeetingStatus; column: 'scheduled_for' | 'created_at'; before: string; unreminded?: boolean },
  limit: number,
): Promise<MeetingRow[]> {
  let query = db.selectFrom('meetings').selectAll().where('status', '=', due.status).where(due.column, '<=', due.before);
  if (due.unreminded) query = query.where('reminded_at', 'is', null);
  return query.orderBy(due.column).limit(limit).execute();
}
