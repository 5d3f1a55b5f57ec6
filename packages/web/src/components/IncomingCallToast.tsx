import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { describeError } from '../api/auth-errors.js';
import { applyMeetingUpdate } from '../api/meeting-cache.js';
import { useApi } from '../hooks/use-api.js';
import { useConversation } from '../hooks/use-conversation.js';
import { useIncomingCall, type IncomingCall } from '../hooks/use-incoming-call.js';
import { useRingtone } from '../hooks/use-ringtone.js';
import { meetingPath } from '../lib/meeting-paths.js';
import { startRingtone } from '../lib/ringtone.js';

/** The ringing call, how to end the toast, and the ringtone (tests pass a fake). */
interface IncomingCallCardProps {
  call: IncomingCall;
  onDone: () => void;
  ring: () => () => void;
}

/** The toast's content: who calls, the meeting's title, "Accept" and "Decline"; rings until answered or gone. */
function IncomingCallCard({ call, onDone, ring }: IncomingCallCardProps) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const { meeting } = call;
  const conversation = useConversation(meeting.conversationId);
  const caller = conversation.data?.participants.find((participant) => participant.userId === call.callerId)?.name ?? 'Someone';
  const [answering, setAnswering] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ids = { title: useId(), description: useId() };
  const panel = useRef<HTMLDivElement>(null);
  useRingtone(!answering, ring);
  useEffect(() => panel.current?.focus(), []);

  const answer = (action: 'accept' | 'decline') => {
    setAnswering(true);
    setError(null);
    api.live.meeting(meeting.id, action).then(
      (answered) => {
        applyMeetingUpdate(queryClient, answered);
        onDone();
        if (action === 'accept') navigate(meetingPath(meeting.id));
      },
      (cause: unknown) => {
        setAnswering(false);
        setError(describeError(cause));
      },
    );
  };

  return (
    <div
      ref={panel}
      role="alertdialog"
      aria-labelledby={ids.title}
      aria-describedby={ids.description}
      tabIndex={-1}
      className="fixed right-4 bottom-4 z-50 w-80 max-w-[calc(100vw-2rem)] rounded-lg bg-slate-900 p-4 text-white shadow-2xl focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
    >
      <h2 id={ids.title} className="text-sm font-semibold">
        Incoming call
      </h2>
      <p id={ids.description} className="mt-1 text-sm text-slate-200">
        {caller} is calling: {meeting.title}
      </p>
      {error && (
        <p role="alert" className="mt-2 rounded bg-red-900/60 px-2 py-1 text-xs">
          Could not answer: {error}
        </p>
      )}
      <div className="mt-3 flex justify-end gap-2 text-sm">
        <button type="button" disabled={answering} onClick={() => answer('decline')} className="rounded bg-red-600 px-3 py-1.5 font-semibold hover:bg-red-700 disabled:opacity-60">
          Decline
        </button>
        <button type="button" disabled={answering} onClick={() => answer('accept')} className="rounded bg-emerald-600 px-3 py-1.5 font-semibold hover:bg-emerald-700 disabled:opacity-60">
          Accept
        </button>
      </div>
    </div>
  );
}

/**
 * The incoming-call toast (issue 7), mounted once for the signed-in session: an alert dialog "Incoming call" naming
 * the caller and the meeting, with "Accept" (`meeting:accept` over the socket, then the call view, which joins) and
 * "Decline" (`meeting:decline`). It takes the focus when it appears (Tab reaches its buttons) and rings while shown
 * until answered; it goes when the call stops ringing for the user (`use-incoming-call`).
 */
export function IncomingCallToast({ meId, ring = startRingtone }: { meId: string; ring?: () => () => void }) {
  const api = useApi();
  const { call, dismiss } = useIncomingCall(api, meId);
  return call ? <IncomingCallCard key={call.meeting.id} call={call} onDone={dismiss} ring={ring} /> : null;
}
