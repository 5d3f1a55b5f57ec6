import type { Meeting } from '@parley/protocol';
import { useMemo, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { useCallSession } from '../hooks/use-call-session.js';
import { useConversation } from '../hooks/use-conversation.js';
import { useMeetingPresence } from '../hooks/use-meeting-presence.js';
import { isMeetingOver } from '../lib/meeting-text.js';
import type { MediaSessionFactory } from '../media/media-session.js';
import { CallControls } from './CallControls.js';
import { CallStage } from './CallStage.js';
import { MeetingParticipantList } from './MeetingParticipantList.js';
import { MeetingStatusBadge } from './MeetingStatusBadge.js';

/** The meeting shown, to whom, and the media (tests pass a fake session and a short join bound). */
export interface CallRoomProps {
  meeting: Meeting;
  meId: string;
  createSession?: MediaSessionFactory | undefined;
  joinTimeoutMs?: number | undefined;
}

/**
 * A loaded meeting's call: the caller's presence on the server (`use-meeting-presence`), the media session while the
 * meeting is open (`use-call-session`), the stage, the participants with their answers, and the controls. "Leave"
 * leaves and goes back to the project conversation; once the meeting is over it says so, with a link back.
 */
export function CallRoom({ meeting, meId, createSession, joinTimeoutMs }: CallRoomProps) {
  const [, navigate] = useLocation();
  const over = isMeetingOver(meeting.status);
  const presence = useMeetingPresence(meeting, meId);
  const call = useCallSession(meeting.id, !over, createSession, joinTimeoutMs);
  const conversation = useConversation(meeting.conversationId);
  const names = useMemo(() => new Map(conversation.data?.participants.map((participant) => [participant.userId, participant.name])), [conversation.data]);
  const [leaving, setLeaving] = useState(false);
  const back = `/c/${encodeURIComponent(meeting.conversationId)}`;
  const leave = () => {
    setLeaving(true);
    call.hangUp();
    // Back to the thread even when the leave is refused (e.g. the meeting ended meanwhile).
    presence.leave().then(
      () => navigate(back),
      () => navigate(back),
    );
  };
  return (
    <section aria-label="Call" className="flex min-h-0 min-w-0 flex-1 flex-col bg-slate-900 text-white">
      <header className="flex flex-wrap items-center gap-2 border-b border-slate-700 px-4 py-2">
        <h2 className="min-w-0 flex-1 truncate text-base font-semibold">{meeting.title}</h2>
        <MeetingStatusBadge status={meeting.status} />
      </header>
      {presence.error && (
        <p role="alert" className="bg-red-900/60 px-4 py-1 text-sm">
          {presence.error}
        </p>
      )}
      <div className="flex min-h-0 flex-1 flex-col lg:flex-row">
        {over ? (
          <div role="status" className="m-auto p-6 text-center text-sm text-slate-200">
            <p className="text-base font-semibold text-white">This meeting has ended.</p>
            <Link href={back} className="mt-2 inline-block text-sky-300 underline">
              Back to the conversation
            </Link>
          </div>
        ) : (
          <CallStage call={call} meeting={meeting} meId={meId} names={names} />
        )}
        <aside className="shrink-0 border-t border-slate-700 p-4 lg:w-64 lg:border-t-0 lg:border-l">
          <MeetingParticipantList meeting={meeting} names={names} meId={meId} />
        </aside>
      </div>
      {!over && (
        <CallControls
          camera={call.camera}
          microphone={call.microphone}
          canSwitch={call.state.phase === 'connected'}
          onToggleCamera={call.toggleCamera}
          onToggleMicrophone={call.toggleMicrophone}
          onLeave={leave}
          leaving={leaving}
        />
      )}
    </section>
  );
}
