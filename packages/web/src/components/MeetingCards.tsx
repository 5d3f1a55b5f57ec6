import { useProjectMeetings } from '../hooks/use-project-meetings.js';
import { meetingsToShow } from '../lib/meeting-text.js';
import { MeetingCard } from './MeetingCard.js';

/**
 * The strip of meeting cards above a project conversation's messages (issue 7): its open meetings and the latest
 * ended ones, newest first, following `meeting:updated` live. Nothing shows before the first meeting, or when the
 * list cannot be read.
 */
export function MeetingCards({ projectId, meId }: { projectId: string; meId: string }) {
  const meetings = useProjectMeetings(projectId);
  const shown = meetingsToShow(meetings.data ?? []);
  if (shown.length === 0) return null;
  return (
    <ul aria-label="Meetings" className="flex shrink-0 gap-2 overflow-x-auto border-b border-slate-200 bg-slate-100 px-3 py-2">
      {shown.map((meeting) => (
        <li key={meeting.id}>
          <MeetingCard meeting={meeting} meId={meId} />
        </li>
      ))}
    </ul>
  );
}
