import type { MeetingParticipantStatus, MeetingProvider, MeetingStatus } from '@parley/protocol';

/** `meetings`: a project's video meetings. Times are ISO 8601; `duration_sec` in seconds; `channel` is the media room. */
export interface MeetingsTable {
  id: string;
  project_id: string;
  conversation_id: string;
  host_id: string;
  title: string;
  kind: 'instant' | 'scheduled';
  scheduled_for: string | null;
  status: MeetingStatus;
  provider: MeetingProvider;
  channel: string;
  started_at: string | null;
  ended_at: string | null;
  duration_sec: number | null;
  /** When the 10-minute reminder was posted (scheduled meetings). */
  reminded_at: string | null;
  created_at: string;
  updated_at: string;
}

/** `meeting_participants`: who was asked or came, with a numeric media `uid` unique within the meeting (1, 2, …). */
export interface MeetingParticipantsTable {
  meeting_id: string;
  user_id: string;
  uid: number;
  status: MeetingParticipantStatus;
  joined_at: string | null;
  left_at: string | null;
}
