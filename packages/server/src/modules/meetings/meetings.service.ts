import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CreateMeetingBody, Meeting, MeetingList, MeetingProvider, MeetingToken, User } from '@parley/protocol';
import type { Database } from '../../db/schema.js';
import { AppError, conflict, invalid, notFound } from '../../errors.js';
import type { DomainEvents, MeetingSignal } from '../../events.js';
import { newId, nowIso } from '../../ids.js';
import { listParticipantIds, listProjectConversations } from '../conversations/conversations.repository.js';
import { findProjectForMember, listMembers, type ProjectRow } from '../marketplace/projects.repository.js';
import { presentMessage } from '../messages/messages.presenter.js';
import { appendSystemMessage } from '../messages/system-messages.js';
import type { Db } from '../../db/database.js';
import { presentMeeting } from './meetings.presenter.js';
import {
  findMeeting,
  findMeetingForMember,
  findMeetingParticipant,
  insertMeeting,
  insertMeetingParticipant,
  listMeetingParticipants,
  listProjectMeetings,
  nextUid,
  touchMeeting,
  type MeetingRow,
} from './meetings.repository.js';
import type { MeetingTokenProvider } from './providers/token-provider.js';

/** What one change to a meeting did: a socket signal and a system message for the project conversation. */
export interface MeetingChange {
  signal?: MeetingSignal;
  systemText?: string;
}

/** Scheduled meetings may lie at most this far ahead (ms). */
const MAX_SCHEDULE_AHEAD_MS = 366 * 24 * 3600_000;
/** Meetings listed per project. */
const LIST_LIMIT = 100;

/**
 * Video meetings inside projects (issue 7): creation, the list, and media tokens. Only members of the project see a
 * meeting (others get `NOT_FOUND`); every change is announced to the project's members (`meeting.changed`) after
 * commit, with the system messages it wrote into the project conversation. The lifecycle itself (accept, start, join,
 * …) lives in `meeting-lifecycle.ts`, on top of {@link change}.
 */
export class MeetingsService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly events: DomainEvents,
    /** The configured media provider; null answers tokens with `503 MEETINGS_NOT_CONFIGURED`. */
    private readonly provider: MeetingTokenProvider | null,
  ) {}

  /** The provider new meetings record: the configured one, else Agora (the default once configured). */
  get providerKind(): MeetingProvider {
    return this.provider?.kind ?? 'agora';
  }

  /**
   * `POST /api/projects/:id/meetings`: an instant meeting (`pending`, ringing the invitees) or, with `scheduledFor`,
   * a `scheduled` one (with a system message). Invitees default to the project's other members. Throws `NOT_FOUND`
   * (not a member), `PROJECT_NOT_ACTIVE`, `VALIDATION_FAILED` (a time not ahead or over a year ahead; invitees who are
   * not members of the project).
   */
  async create(actor: User, projectId: string, body: CreateMeetingBody): Promise<Meeting> {
    const project = await this.requireProject(actor, projectId);
    if (project.status !== 'active') throw conflict('PROJECT_NOT_ACTIVE', `This project is ${project.status}`);
    const members = (await listMembers(this.db, [projectId])).map((m) => m.user_id);
    const invitees = body.inviteeIds ? [...new Set(body.inviteeIds)].filter((id) => id !== actor.id) : members.filter((id) => id !== actor.id);
    const strangers = invitees.filter((id) => !members.includes(id));
    if (strangers.length > 0) throw invalid('inviteeIds', `must be members of the project: ${strangers.join(', ')} are not`);
    const scheduledFor = body.scheduledFor ? new Date(body.scheduledFor) : null;
    if (scheduledFor && (scheduledFor.getTime() <= Date.now() || scheduledFor.getTime() > Date.now() + MAX_SCHEDULE_AHEAD_MS)) {
      throw invalid('scheduledFor', 'must lie ahead, at most a year');
    }
    const conversation = (await listProjectConversations(this.db, projectId)).find((c) => c.kind === 'project');
    if (!conversation) throw notFound('project', projectId);

    const at = nowIso();
    const row: MeetingRow = {
      id: newId(),
      project_id: projectId,
      conversation_id: conversation.id,
      host_id: actor.id,
      title: body.title,
      kind: scheduledFor ? 'scheduled' : 'instant',
      scheduled_for: scheduledFor?.toISOString() ?? null,
      status: scheduledFor ? 'scheduled' : 'pending',
      provider: this.providerKind,
      // Issue 7: channel names carry at least 128 bits of randomness.
      channel: `parley-${randomBytes(16).toString('hex')}`,
      started_at: null,
      ended_at: null,
      duration_sec: null,
      reminded_at: null,
      created_at: at,
      updated_at: at,
    };
    return this.change(
      row.id,
      async (trx) => {
        await insertMeeting(trx, row);
        await insertMeetingParticipant(trx, { meeting_id: row.id, user_id: actor.id, uid: 1, status: 'accepted', joined_at: null, left_at: null });
        for (const [index, userId] of invitees.entries()) {
          await insertMeetingParticipant(trx, { meeting_id: row.id, user_id: userId, uid: index + 2, status: 'invited', joined_at: null, left_at: null });
        }
        return {
          signal: { event: 'invite', userId: actor.id, targetIds: invitees },
          ...(scheduledFor ? { systemText: `${actor.name} scheduled the meeting “${body.title}” for ${formatTime(scheduledFor)}.` } : {}),
        };
      },
      { existing: false },
    );
  }

  /** `GET /api/projects/:id/meetings`: the project's meetings, newest first. Throws `NOT_FOUND` for non-members. */
  async list(actor: User, projectId: string): Promise<MeetingList> {
    await this.requireProject(actor, projectId);
    const rows = await listProjectMeetings(this.db, projectId, LIST_LIMIT);
    const participants = await listMeetingParticipants(
      this.db,
      rows.map((row) => row.id),
    );
    return { items: rows.map((row) => presentMeeting(row, participants)) };
  }

  /** `GET /api/meetings/:id`. Throws `NOT_FOUND` unless the caller is a member of the meeting's project. */
  async get(actor: User, meetingId: string): Promise<Meeting> {
    const { meeting } = await this.requireMeeting(actor, meetingId);
    return presentMeeting(meeting, await listMeetingParticipants(this.db, [meeting.id]));
  }

  /**
   * `POST /api/meetings/:id/token`: a media token for the caller (issue 7, "Rules"): members of an active project only,
   * never once the meeting has ended; the uid is the caller's own in this meeting (assigned on first request). Throws
   * `NOT_FOUND`, `PROJECT_NOT_ACTIVE`, `MEETING_ENDED` and `503 MEETINGS_NOT_CONFIGURED` (no provider, or not the
   * meeting's).
   */
  async token(actor: User, meetingId: string): Promise<MeetingToken> {
    const { meeting, projectStatus } = await this.requireMeeting(actor, meetingId);
    if (projectStatus !== 'active') throw conflict('PROJECT_NOT_ACTIVE', `This project is ${projectStatus}`);
    if (ENDED.has(meeting.status)) throw conflict('MEETING_ENDED', `This meeting is ${meeting.status}`);
    if (!this.provider || this.provider.kind !== meeting.provider) throw notConfigured(meeting.provider);
    const uid = await this.uidOf(meeting.id, actor.id);
    return this.provider.issue({ channel: meeting.channel, uid, userId: actor.id, userName: actor.name, nowMs: Date.now() });
  }

  /** The meeting and its project's status, if `actor` is a member of the project. Throws `NOT_FOUND` otherwise. */
  async requireMeeting(actor: User, meetingId: string): Promise<{ meeting: MeetingRow; projectStatus: string }> {
    const found = await findMeetingForMember(this.db, meetingId, actor.id);
    if (!found) throw notFound('meeting', meetingId);
    const { project_status: projectStatus, ...meeting } = found;
    return { meeting, projectStatus };
  }

  /**
   * Runs one change to a meeting in a transaction that first takes the meeting's row lock (so changes to one meeting
   * never interleave), writes its system message, then after commit announces the meeting to the project's members
   * (`meeting.changed`, with the change's signal) and the system message (`message.created`). `work` answering null
   * changed nothing: nothing is announced.
   */
  async change(meetingId: string, work: (trx: Db, at: string) => Promise<MeetingChange | null>, options = { existing: true }): Promise<Meeting> {
    const { record, change, message } = await this.db.transaction().execute(async (trx) => {
      const at = nowIso();
      if (options.existing && !(await touchMeeting(trx, meetingId, at))) throw notFound('meeting', meetingId);
      const change = await work(trx, at);
      const meeting = await findMeeting(trx, meetingId);
      if (!meeting) throw notFound('meeting', meetingId);
      const message = change?.systemText ? await appendSystemMessage(trx, meeting.conversation_id, change.systemText, at) : null;
      return { record: { meeting, participants: await listMeetingParticipants(trx, [meetingId]) }, change, message };
    });
    const meeting = presentMeeting(record.meeting, record.participants);
    if (!change) return meeting;
    const audienceIds = (await listMembers(this.db, [record.meeting.project_id])).map((m) => m.user_id);
    this.events.emit('meeting.changed', { meeting, audienceIds, ...(change.signal ? { signal: change.signal } : {}) });
    if (message) this.events.emit('message.created', { message: presentMessage(message), participantIds: await listParticipantIds(this.db, message.conversation_id) });
    return meeting;
  }

  private async uidOf(meetingId: string, userId: string): Promise<number> {
    const mine = await findMeetingParticipant(this.db, meetingId, userId);
    if (mine) return mine.uid;
    let uid = 0;
    await this.change(meetingId, async (trx) => {
      uid = await nextUid(trx, meetingId);
      await insertMeetingParticipant(trx, { meeting_id: meetingId, user_id: userId, uid, status: 'accepted', joined_at: null, left_at: null });
      return {};
    });
    return uid;
  }

  private async requireProject(actor: User, projectId: string): Promise<ProjectRow> {
    const project = await findProjectForMember(this.db, projectId, actor.id);
    if (!project) throw notFound('project', projectId);
    return project;
  }
}

/** Statuses after which nothing more happens to a meeting. */
export const ENDED: ReadonlySet<string> = new Set(['completed', 'cancelled', 'declined', 'missed']);

/** A UTC time for system messages, e.g. `2026-11-22 14:00 UTC`. */
export function formatTime(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `503 MEETINGS_NOT_CONFIGURED`, naming the settings to give (issue 7, "Providers"). */
function notConfigured(provider: MeetingProvider): AppError {
  const settings =
    provider === 'agora' ? 'PARLEY_AGORA_APP_ID and PARLEY_AGORA_APP_CERTIFICATE' : 'PARLEY_LIVEKIT_URL, PARLEY_LIVEKIT_API_KEY and PARLEY_LIVEKIT_API_SECRET';
  return new AppError('MEETINGS_NOT_CONFIGURED', `Video meetings need a media provider: set ${settings}`);
}

