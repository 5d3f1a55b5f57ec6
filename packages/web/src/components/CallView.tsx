import { describeError, isNotFound } from '../api/auth-errors.js';
import { useMeeting } from '../hooks/use-meeting.js';
import type { MediaSessionFactory } from '../media/media-session.js';
import { CallRoom } from './CallRoom.js';

/** Which meeting to show, to whom, and (tests) the media session and the join bound. */
export interface CallViewProps {
  meetingId: string;
  meId: string;
  createSession?: MediaSessionFactory | undefined;
  joinTimeoutMs?: number | undefined;
}

/**
 * The call view (`/meeting/:meetingId`, issue 7): reads the meeting (`meetings.get`, kept fresh by `meeting:updated`),
 * then shows its call ({@link CallRoom}). "Meeting not found" for an unknown meeting or one of another project.
 */
export function CallView({ meetingId, meId, createSession, joinTimeoutMs }: CallViewProps) {
  const meeting = useMeeting(meetingId);
  if (meeting.isError) {
    return (
      <p className="m-auto p-6 text-sm text-red-700">{isNotFound(meeting.error) ? 'Meeting not found' : `Could not open this meeting: ${describeError(meeting.error)}`}</p>
    );
  }
  if (!meeting.data) return <p className="m-auto p-6 text-sm text-slate-500">Loading meeting…</p>;
  return <CallRoom meeting={meeting.data} meId={meId} createSession={createSession} joinTimeoutMs={joinTimeoutMs} />;
}
