import type { MeetingStatus } from '@parley/protocol';
import { MEETING_STATUS_LABELS } from '../lib/meeting-text.js';

const STYLES: Record<MeetingStatus, string> = {
  scheduled: 'bg-sky-100 text-sky-800',
  pending: 'bg-amber-100 text-amber-800',
  active: 'bg-emerald-100 text-emerald-800',
  completed: 'bg-slate-200 text-slate-800',
  cancelled: 'bg-slate-100 text-slate-600',
  declined: 'bg-red-100 text-red-800',
  missed: 'bg-red-100 text-red-800',
};

/** A meeting's status as a small colored label ("Scheduled", "In progress", "Declined", …). */
export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  return <span className={`shrink-0 rounded px-1.5 py-0.5 text-xs font-medium ${STYLES[status]}`}>{MEETING_STATUS_LABELS[status]}</span>;
}
