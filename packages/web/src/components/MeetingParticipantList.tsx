import type { Meeting } from '@parley/protocol';
import { useId } from 'react';
import { PARTICIPANT_STATUS_LABELS } from '../lib/meeting-text.js';

/** The meeting, the names of its people (by user id) and who is looking. */
export interface MeetingParticipantListProps {
  meeting: Meeting;
  names: ReadonlyMap<string, string>;
  meId: string;
}

/** The call view's "Participants": each invitee and the host, with their answer or presence ("In the call", "Left", …). */
export function MeetingParticipantList({ meeting, names, meId }: MeetingParticipantListProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="text-sm">
      <h3 id={headingId} className="mb-1 font-semibold text-slate-100">
        Participants
      </h3>
      <ul aria-labelledby={headingId} className="space-y-1">
        {meeting.participants.map((participant) => (
          <li key={participant.userId} className="flex justify-between gap-2 text-slate-200">
            <span className="min-w-0 break-words">
              {names.get(participant.userId) ?? 'Former participant'}
              {participant.userId === meId && ' (you)'}
              {participant.userId === meeting.hostId && <span className="text-slate-400"> · host</span>}
            </span>
            <span className="shrink-0 text-slate-400">{PARTICIPANT_STATUS_LABELS[participant.status]}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
