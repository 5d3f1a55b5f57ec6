import type { Kysely } from 'kysely';
import type { Meeting, User } from '@parley/protocol';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { conflict, forbidden, invalid } from '../../errors.js';
import { listMembers } from '../marketplace/projects.repository.js';
import {
  findMeeting,
  insertMeetingParticipant,
  leaveAll,
  listMeetingParticipants,
  nextUid,
  transitionMeeting,
  updateMeetingParticipant,
  type MeetingParticipantRow,
  type MeetingRow,
} from './meetings.repository.js';
import { ENDED, type MeetingChange, type MeetingsService } from './meetings.service.js';

const NOT_STARTED = ['scheduled', 'pending'] as const;

/**
 * A meeting's lifecycle (issue 7, "Session tracking" and "Signaling"): invite → accept / decline → start → join →
 * leave → end, or cancel. `startedAt` is set at the first start or join; the meeting ends when someone ends it or the
 * last participant leaves, with its duration and a "Meeting ended · N min" system message. Every method answers the
 * meeting as it is after the change and throws `NOT_FOUND` for anyone outside its project and `MEETING_ENDED` once it
 * is over (completed, cancelled, declined, missed).
 */
export class MeetingLifecycle {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly meetings: MeetingsService,
  ) {}

  /** Invites more members of the project (host and participants who accepted or joined). Throws `FORBIDDEN`, `VALIDATION_FAILED`. */
  async invite(actor: User, meetingId: string, userIds: string[]): Promise<Meeting> {
    const meeting = await this.open(actor, meetingId);
    const members = (await listMembers(this.db, [meeting.project_id])).map((m) => m.user_id);
    const strangers = userIds.filter((id) => !members.includes(id));
    if (strangers.length > 0) throw invalid('userIds', `must be members of the project: ${strangers.join(', ')} are not`);
    return this.meetings.change(meetingId, async (trx) => {
      const participants = await listMeetingParticipants(trx, [meetingId]);
      const me = participants.find((p) => p.user_id === actor.id);
      if (actor.id !== meeting.host_id && !(me && ['accepted', 'joined'].includes(me.status))) throw forbidden('Only the host and those who accepted invite others');
      const invited: string[] = [];
      for (const userId of new Set(userIds)) {
        const existing = participants.find((p) => p.user_id === userId);
        if (existing && existing.status !== 'declined') continue;
        if (existing) await updateMeetingParticipant(trx, meetingId, userId, { status: 'invited' });
        else await insertMeetingParticipant(trx, { meeting_id: meetingId, user_id: userId, uid: await nextUid(trx, meetingId), status: 'invited', joined_at: null, left_at: null });
        invited.push(userId);
      }
      return invited.length > 0 ? { signal: { event: 'invite', userId: actor.id, targetIds: invited } } : null;
    });
  }

  /** The caller accepts (a member not yet asked accepts too). */
  async accept(actor: User, meetingId: string): Promise<Meeting> {
    await this.open(actor, meetingId);
    return this.meetings.change(meetingId, async (trx) => {
      const me = await this.ensureParticipant(trx, meetingId, actor.id, 'accepted');
      if (me.status !== 'joined') await updateMeetingParticipant(trx, meetingId, actor.id, { status: 'accepted' });
      return { signal: { event: 'accept', userId: actor.id } };
    });
  }

  /**
   * The caller declines. When every invitee of a ringing instant meeting has declined, the meeting is `declined`.
   * Throws `FORBIDDEN` for the host (who cancels instead).
   */
  async decline(actor: User, meetingId: string): Promise<Meeting> {
    const meeting = await this.open(actor, meetingId);
    if (actor.id === meeting.host_id) throw forbidden('The host cancels the meeting instead');
    return this.meetings.change(meetingId, async (trx, at) => {
      await this.ensureParticipant(trx, meetingId, actor.id, 'declined');
      await updateMeetingParticipant(trx, meetingId, actor.id, { status: 'declined' });
      const others = (await listMeetingParticipants(trx, [meetingId])).filter((p) => p.user_id !== meeting.host_id);
      if (meeting.kind === 'instant' && others.every((p) => p.status === 'declined')) {
        await transitionMeeting(trx, meetingId, ['pending'], { status: 'declined', ended_at: at });
      }
      return { signal: { event: 'decline', userId: actor.id } };
    });
  }

  /** The host starts the meeting (and is in it). Starting an active meeting changes nothing. Throws `FORBIDDEN` for others. */
  async start(actor: User, meetingId: string): Promise<Meeting> {
    const meeting = await this.open(actor, meetingId);
    if (actor.id !== meeting.host_id) throw forbidden('Only the host starts the meeting; join it instead');
    return this.meetings.change(meetingId, async (trx, at) => {
      await this.ensureParticipant(trx, meetingId, actor.id, 'joined');
      await updateMeetingParticipant(trx, meetingId, actor.id, { status: 'joined', joined_at: at, left_at: null });
      return (await this.activate(trx, meeting, actor.id, at)) ?? {};
    });
  }

  /** The caller joins the media session; the first join starts the meeting. Any member of the project may join. */
  async join(actor: User, meetingId: string): Promise<Meeting> {
    const meeting = await this.open(actor, meetingId);
    return this.meetings.change(meetingId, async (trx, at) => {
      await this.ensureParticipant(trx, meetingId, actor.id, 'joined');
      await updateMeetingParticipant(trx, meetingId, actor.id, { status: 'joined', joined_at: at, left_at: null });
      return (await this.activate(trx, meeting, actor.id, at)) ?? {};
    });
  }

  /** The caller leaves; when nobody is left in an active meeting, it ends. Leaving when not in it changes nothing. */
  async leave(actor: User, meetingId: string): Promise<Meeting> {
    const { meeting } = await this.meetings.requireMeeting(actor, meetingId);
    return this.meetings.change(meetingId, async (trx, at) => {
      const participants = await listMeetingParticipants(trx, [meetingId]);
      if (participants.find((p) => p.user_id === actor.id)?.status !== 'joined') return null;
      await updateMeetingParticipant(trx, meetingId, actor.id, { status: 'left', left_at: at });
      const stillIn = participants.filter((p) => p.status === 'joined' && p.user_id !== actor.id);
      return stillIn.length === 0 ? this.finish(trx, meeting, actor.id, at) : {};
    });
  }

  /**
   * Ends the meeting for everyone: the host, or anyone in it. Before it started, the host's end is a cancel. Ending an
   * ended meeting changes nothing. Throws `FORBIDDEN`.
   */
  async end(actor: User, meetingId: string): Promise<Meeting> {
    const { meeting } = await this.meetings.requireMeeting(actor, meetingId);
    if (ENDED.has(meeting.status)) return this.meetings.get(actor, meetingId);
    if (meeting.status !== 'active') return this.cancel(actor, meetingId);
    return this.meetings.change(meetingId, async (trx, at) => {
      const me = (await listMeetingParticipants(trx, [meetingId])).find((p) => p.user_id === actor.id);
      if (actor.id !== meeting.host_id && me?.status !== 'joined') throw forbidden('Only the host or someone in the meeting ends it');
      return this.finish(trx, meeting, actor.id, at);
    });
  }

  /** The host cancels a meeting that has not started. Throws `FORBIDDEN` and `MEETING_STARTED`. */
  async cancel(actor: User, meetingId: string): Promise<Meeting> {
    const meeting = await this.open(actor, meetingId);
    if (actor.id !== meeting.host_id) throw forbidden('Only the host cancels the meeting');
    return this.meetings.change(meetingId, async (trx, at) => {
      if (!(await transitionMeeting(trx, meetingId, NOT_STARTED, { status: 'cancelled', ended_at: at }))) throw conflict('MEETING_STARTED', 'This meeting has started; end it instead');
      return { signal: { event: 'end', userId: actor.id }, systemText: `Meeting cancelled: ${meeting.title}` };
    });
  }

  /** The meeting, if the caller may see it and it is not over. */
  private async open(actor: User, meetingId: string): Promise<MeetingRow> {
    const { meeting } = await this.meetings.requireMeeting(actor, meetingId);
    if (ENDED.has(meeting.status)) throw conflict('MEETING_ENDED', `This meeting is ${meeting.status}`);
    return meeting;
  }

  /** The first start or join: `active`, `startedAt`, "Meeting started" (issue 7). Null when it was already active. */
  private async activate(trx: Db, meeting: MeetingRow, userId: string, at: string): Promise<MeetingChange | null> {
    if (await transitionMeeting(trx, meeting.id, NOT_STARTED, { status: 'active', started_at: at })) {
      return { signal: { event: 'start', userId }, systemText: `Meeting started: ${meeting.title}` };
    }
    const current = await findMeeting(trx, meeting.id);
    if (!current || ENDED.has(current.status)) throw conflict('MEETING_ENDED', 'This meeting is over');
    return null;
  }

  /** Ends an active meeting at `at`: everyone leaves, `endedAt`, `durationSec`, "Meeting ended · N min". */
  private async finish(trx: Db, meeting: MeetingRow, userId: string, at: string): Promise<MeetingChange> {
    const startedAt = meeting.started_at ?? at;
    const durationSec = Math.max(0, Math.round((Date.parse(at) - Date.parse(startedAt)) / 1000));
    if (!(await transitionMeeting(trx, meeting.id, ['active'], { status: 'completed', ended_at: at, duration_sec: durationSec }))) {
      throw conflict('MEETING_ENDED', 'This meeting is over');
    }
    await leaveAll(trx, meeting.id, at);
    return { signal: { event: 'end', userId }, systemText: `Meeting ended · ${formatDuration(durationSec)}` };
  }

  /** The caller's participant row, created with `status` (and the next uid) when they were not asked. */
  private async ensureParticipant(trx: Db, meetingId: string, userId: string, status: MeetingParticipantRow['status']): Promise<MeetingParticipantRow> {
    const existing = (await listMeetingParticipants(trx, [meetingId])).find((p) => p.user_id === userId);
    if (existing) return existing;
    const row: MeetingParticipantRow = { meeting_id: meetingId, user_id: userId, uid: await nextUid(trx, meetingId), status, joined_at: null, left_at: null };
    await insertMeetingParticipant(trx, row);
    return row;
  }
}

/** A meeting's length for people: `< 1 min`, `32 min`, `1 h 05 min`. */
export function formatDuration(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (seconds < 60) return '< 1 min';
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}
