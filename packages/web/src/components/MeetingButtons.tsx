import type { Conversation, Project } from '@parley/protocol';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { describeError } from '../api/auth-errors.js';
import { useCreateMeeting } from '../hooks/use-create-meeting.js';
import { meetingPath } from '../lib/meeting-paths.js';
import { ScheduleMeetingDialog } from './ScheduleMeetingDialog.js';

const BUTTON = 'rounded border border-slate-300 px-2 py-1 text-xs text-slate-700 hover:bg-slate-50 disabled:opacity-50';

/** The project conversation whose project the meetings belong to, and who is looking. */
export interface MeetingButtonsProps {
  conversation: Conversation;
  project: Project;
  meId: string;
}

/**
 * The thread header's meeting buttons (issue 7): "Start meeting" creates an instant meeting "Call in <project>", which
 * rings the project's other members, and opens its call view (where the host starts it); "Schedule" opens the
 * "Schedule a meeting" dialog. A refusal shows as an alert under the header.
 */
export function MeetingButtons({ conversation, project, meId }: MeetingButtonsProps) {
  const [, navigate] = useLocation();
  const create = useCreateMeeting(project.id);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [scheduling, setScheduling] = useState(false);
  const start = () => {
    setStarting(true);
    setError(null);
    create({ title: `Call in ${project.title}` }).then(
      (meeting) => navigate(meetingPath(meeting.id)),
      (cause: unknown) => {
        setStarting(false);
        setError(describeError(cause));
      },
    );
  };
  return (
    <>
      <button type="button" disabled={starting} onClick={start} className={BUTTON}>
        {starting ? 'Starting…' : 'Start meeting'}
      </button>
      <button type="button" aria-haspopup="dialog" onClick={() => setScheduling(true)} className={BUTTON}>
        Schedule
      </button>
      {error && (
        <p role="alert" className="basis-full text-xs text-red-700">
          Could not start the meeting: {error}
        </p>
      )}
      {scheduling && (
        <ScheduleMeetingDialog
          projectTitle={project.title}
          invitable={conversation.participants.filter((participant) => participant.userId !== meId)}
          onSchedule={async (body) => {
            await create(body);
          }}
          onClose={() => setScheduling(false)}
        />
      )}
    </>
  );
}
