import type { Meeting, MeetingParticipant, MeetingStatus } from '@parley/protocol';
import { formatClockTime, formatDateTime } from './format-time.js';

/** A meeting's status as people read it on its card and in the call view (protocol `MeetingStatusSchema`). */
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  scheduled: 'Scheduled',
  pending: 'Ringing',
  active: 'In progress',
  completed: 'Completed',
  cancelled: 'Cancelled',
  declined: 'Declined',
  missed: 'Missed',
};

/** Statuses after which nothing more happens to a meeting (the server's `ENDED`, issue 7). */
const OVER: ReadonlySet<MeetingStatus> = new Set(['completed', 'cancelled', 'declined', 'missed']);

/** True once the meeting is completed, cancelled, declined or missed: it can no longer be joined. */
export function isMeetingOver(status: MeetingStatus): boolean {
  return OVER.has(status);
}

/**
 * A meeting's length for people, as the server's "Meeting ended · N min" system message says it (issue 7):
 * "< 1 min", "32 min", "1 h 05 min". `seconds` is the meeting's `durationSec`.
 */
export function formatMeetingDuration(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (seconds < 60) return '< 1 min';
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/**
 * The card's time line, in the reader's time zone: "For 21 Nov 2026, 14:00" (scheduled, or one that was cancelled or
 * missed), "Started 14:02" (active), "14:02 · 12 min" (completed), else when it was created ("Called 14:00").
 */
export function meetingTimeText(meeting: Meeting): string {
  if (meeting.status === 'completed' && meeting.startedAt) {
    const duration = meeting.durationSec === null ? '' : ` · ${formatMeetingDuration(meeting.durationSec)}`;
    return `${formatDateTime(meeting.startedAt)}${duration}`;
  }
  if (meeting.status === 'active' && meeting.startedAt) return `Started ${formatClockTime(meeting.startedAt)}`;
  if (meeting.scheduledFor) return `For ${formatDateTime(meeting.scheduledFor)}`;
  return `Called ${formatDateTime(meeting.createdAt)}`;
}

/**
 * True while an instant meeting should ring for `meId`: it is not over and they were invited and have not answered
 * (issue 7, "Signaling"; the server marks it `missed` after 2 minutes without an answer).
 */
export function isRingingFor(meeting: Meeting, meId: string): boolean {
  if (meeting.kind !== 'instant' || isMeetingOver(meeting.status)) return false;
  return meeting.participants.some((participant) => participant.userId === meId && participant.status === 'invited');
}

/** How many ended meetings the thread's strip keeps beside the open ones. */
const ENDED_SHOWN = 3;

/** The meetings the thread's strip shows, newest first: every open one, and the {@link ENDED_SHOWN} latest ended ones. */
export function meetingsToShow(meetings: readonly Meeting[]): Meeting[] {
  let ended = 0;
  return meetings.filter((meeting) => !isMeetingOver(meeting.status) || (ended += 1) <= ENDED_SHOWN);
}

/** A participant's answer and presence as the call view lists it (protocol `MeetingParticipantStatusSchema`). */
export const PARTICIPANT_STATUS_LABELS: Record<MeetingParticipant['status'], string> = {
  invited: 'Invited',
  accepted: 'Accepted',
  declined: 'Declined',
  joined: 'In the call',
  left: 'Left',
};

/**
 * The names of the remote tiles, in order. The contract does not say which media uid is whose, so a name is given
 * only when it cannot be wrong: one remote tile and one other participant in the call; else "Participant 1", ….
 */
export function remoteTileNames(remoteCount: number, meeting: Meeting, meId: string, names: ReadonlyMap<string, string>): string[] {
  const others = meeting.participants.filter((participant) => participant.userId !== meId && participant.status === 'joined');
  const only = others.length === 1 && remoteCount === 1 ? names.get(others[0]?.userId ?? '') : undefined;
  return Array.from({ length: remoteCount }, (_, index) => only ?? `Participant ${index + 1}`);
}
