import type { Meeting } from '@parley/protocol';
import { useId } from 'react';
import { Link } from 'wouter';
import { useMeetingAction } from '../hooks/use-meeting-action.js';
import { useRefusableAction } from '../hooks/use-refusable-action.js';
import { describeError } from '../api/auth-errors.js';
import { meetingPath } from '../lib/meeting-paths.js';
import { isMeetingOver, meetingTimeText } from '../lib/meeting-text.js';
import { MeetingStatusBadge } from './MeetingStatusBadge.js';

const BUTTON = 'rounded border px-2 py-0.5 text-xs font-medium';

/**
 * One meeting in the thread's strip (issue 7): title, status, its time ("For …" when scheduled, "Started …" while
 * active, start and duration once completed), and what the viewer may do: "Start" (the host, before it started) or
 * "Join" (anyone, while it is open), which open the call view, and "Cancel" (the host, before it started).
 */
export function MeetingCard({ meeting, meId }: { meeting: Meeting; meId: string }) {
  const titleId = useId();
  const act = useMeetingAction();
  const cancel = useRefusableAction(describeError);
  const host = meeting.hostId === meId;
  const notStarted = meeting.status === 'scheduled' || meeting.status === 'pending';
  const time = meeting.startedAt && meeting.status !== 'scheduled' ? meeting.startedAt : (meeting.scheduledFor ?? meeting.createdAt);
  return (
    <article aria-labelledby={titleId} className="flex w-64 shrink-0 flex-col gap-1 rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm shadow-sm">
      <div className="flex items-start justify-between gap-2">
        <h3 id={titleId} className="min-w-0 truncate font-medium text-slate-900" title={meeting.title}>
          {meeting.title}
        </h3>
        <MeetingStatusBadge status={meeting.status} />
      </div>
      <time dateTime={time} className="text-xs text-slate-600">
        {meetingTimeText(meeting)}
      </time>
      {!isMeetingOver(meeting.status) && (
        <div className="mt-1 flex gap-2">
          <Link href={meetingPath(meeting.id)} className={`${BUTTON} border-sky-600 bg-sky-600 text-white hover:bg-sky-700`}>
            {host && notStarted ? 'Start' : 'Join'}
          </Link>
          {host && notStarted && (
            <button
              type="button"
              disabled={cancel.running}
              onClick={() => cancel.run(() => act(meeting.id, 'cancel'), () => undefined)}
              className={`${BUTTON} border-slate-300 text-slate-700 hover:bg-slate-50 disabled:opacity-50`}
            >
              Cancel
            </button>
          )}
        </div>
      )}
      {cancel.error && (
        <p role="alert" className="text-xs text-red-700">
          Could not cancel: {cancel.error}
        </p>
      )}
    </article>
  );
}
