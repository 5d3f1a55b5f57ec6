import type { CreateMeetingBody, Participant } from '@parley/protocol';
import { useId, useState } from 'react';
import { describeError } from '../api/auth-errors.js';
import { useRefusableAction } from '../hooks/use-refusable-action.js';
import { defaultSlot, slotProblem, slotToIso, type LocalSlot } from '../lib/schedule-time.js';
import { MemberCheckboxes } from './MemberCheckboxes.js';
import { ModalDialog } from './ModalDialog.js';

/** The title's limit (protocol `CreateMeetingBodySchema`: 1–200 characters). */
const MAX_TITLE_LENGTH = 200;
/** The slot's inputs, each an `<input type>` of that name, with their labels. */
const SLOT_PARTS = [
  ['date', 'Date'],
  ['time', 'Time'],
] as const;
const FIELD = 'rounded border border-slate-300 px-2 py-1 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500';

/** Whom the meeting may invite and what to do with the form. */
export interface ScheduleMeetingDialogProps {
  projectTitle: string;
  /** The project's other members, offered as checkboxes (all picked at first). */
  invitable: readonly Participant[];
  /** Creates the meeting; rejects with the refusal. */
  onSchedule: (body: CreateMeetingBody) => Promise<void>;
  onClose: () => void;
  /** The current time (ms since the epoch), for the first proposal and the check that the time lies ahead. */
  now?: () => number;
}

/**
 * "Schedule a meeting": a title, a date and a time in the browser's time zone (sent as ISO 8601 UTC), and a checkbox
 * per other member of the project. The time must lie ahead (and within a year) and someone must be invited, else the
 * dialog says why and sends nothing; a refusal of the server shows as an alert and the dialog stays open.
 */
export function ScheduleMeetingDialog({ projectTitle, invitable, onSchedule, onClose, now = Date.now }: ScheduleMeetingDialogProps) {
  const [title, setTitle] = useState(`Meeting about ${projectTitle}`.slice(0, MAX_TITLE_LENGTH));
  const [slot, setSlot] = useState<LocalSlot>(() => defaultSlot(now()));
  const [picked, setPicked] = useState<ReadonlySet<string>>(() => new Set(invitable.map((member) => member.userId)));
  const [problem, setProblem] = useState<string | null>(null);
  const ids = { title: useId(), date: useId(), time: useId() };
  const action = useRefusableAction(describeError);
  const submit = () => {
    const found = title.trim() === '' ? 'Give the meeting a title.' : (slotProblem(slot, now()) ?? (picked.size === 0 ? 'Invite at least one person.' : null));
    setProblem(found);
    const scheduledFor = slotToIso(slot);
    if (found || !scheduledFor) return;
    action.run(() => onSchedule({ title: title.trim(), scheduledFor, inviteeIds: [...picked] }), onClose);
  };
  const confirm = (
    <button type="button" disabled={action.running} onClick={submit} className="rounded bg-sky-600 px-3 py-1.5 font-semibold text-white hover:bg-sky-700 disabled:opacity-60">
      {action.running ? 'Scheduling…' : 'Schedule'}
    </button>
  );
  const error = problem ?? (action.error && `Could not schedule the meeting: ${action.error}`);
  return (
    <ModalDialog title="Schedule a meeting" onClose={onClose} error={error} confirm={confirm}>
      <label htmlFor={ids.title} className="mb-1 text-sm font-medium">
        Meeting title
      </label>
      <input id={ids.title} value={title} maxLength={MAX_TITLE_LENGTH} onChange={(event) => setTitle(event.target.value)} className={`mb-3 ${FIELD}`} />
      <div className="mb-3 flex gap-3">
        {SLOT_PARTS.map(([part, label]) => (
          <div key={part} className="flex flex-1 flex-col">
            <label htmlFor={ids[part]} className="mb-1 text-sm font-medium">
              {label}
            </label>
            <input id={ids[part]} type={part} value={slot[part]} onChange={(event) => setSlot({ ...slot, [part]: event.target.value })} className={FIELD} />
          </div>
        ))}
      </div>
      <MemberCheckboxes legend="Invitees" members={invitable} picked={picked} onChange={setPicked} />
    </ModalDialog>
  );
}
