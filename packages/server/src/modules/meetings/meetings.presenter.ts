import type { Meeting } from '@parley/protocol';
import type { MeetingParticipantRow, MeetingRow } from './meetings.repository.js';

/** A meeting row and its participant rows → the contract's `Meeting` (the channel and uids stay on the server). */
export function presentMeeting(row: MeetingRow, participants: MeetingParticipantRow[]): Meeting {
  return {
    id: row.id,
    projectId: row.project_id,
    conversationId: row.conversation_id,
    hostId: row.host_id,
    title: row.title,
    kind: row.kind,
    ...(row.scheduled_for !== null ? { scheduledFor: row.scheduled_for } : {}),
    status: row.status,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    durationSec: row.duration_sec === null ? null : Number(row.duration_sec),
    provider: row.provider,
    participants: participants
      .filter((p) => p.meeting_id === row.id)
      .map((p) => ({
        userId: p.user_id,
        status: p.status,
        ...(p.joined_at !== null ? { joinedAt: p.joined_at } : {}),
        ...(p.left_at !== null ? { leftAt: p.left_at } : {}),
      })),
    createdAt: row.created_at,
  };
}
