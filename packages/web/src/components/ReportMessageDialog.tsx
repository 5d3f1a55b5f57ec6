import { ReportReasonSchema, type CreateReportBody, type Message, type ReportReason } from '@parley/protocol';
import { useId, useState } from 'react';
import { useRefusableAction } from '../hooks/use-refusable-action.js';
import { messagePreview } from '../lib/message-preview.js';
import { REPORT_REASON_LABELS } from '../lib/report-reasons.js';
import { ModalDialog } from './ModalDialog.js';

/** The note's limit (docs/api.md § Moderation counts 1000 code points; `maxLength` counts UTF-16 units, never more). */
const MAX_NOTE_LENGTH = 1000;

/** The message to report and what to do with the choice. */
export interface ReportMessageDialogProps {
  message: Message;
  /** Sends the report; rejects with the refusal. */
  onReport: (message: Message, body: CreateReportBody) => Promise<void>;
  onClose: () => void;
}

/**
 * "Report message": the reasons as radio buttons (one must be picked), an optional note, then "Cancel" or "Report".
 * A refusal shows as an alert and the dialog stays open.
 */
export function ReportMessageDialog({ message, onReport, onClose }: ReportMessageDialogProps) {
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [note, setNote] = useState('');
  const noteId = useId();
  const action = useRefusableAction();
  const send = () => {
    if (!reason) return;
    const trimmed = note.trim();
    action.run(() => onReport(message, trimmed ? { reason, note: trimmed } : { reason }), onClose);
  };
  const confirm = (
    <button
      type="button"
      onClick={send}
      disabled={!reason || action.running}
      className="rounded bg-sky-600 px-3 py-1.5 font-semibold text-white hover:bg-sky-700 disabled:opacity-60"
    >
      {action.running ? 'Reporting…' : 'Report'}
    </button>
  );
  return (
    <ModalDialog title="Report message" onClose={onClose} error={action.error && `Could not report the message: ${action.error}`} confirm={confirm}>
      <blockquote className="mb-3 line-clamp-3 border-l-2 border-slate-300 pl-2 text-sm text-slate-600">{messagePreview(message)}</blockquote>
      <fieldset className="mb-3 text-sm">
        <legend className="mb-1 font-medium">Reason</legend>
        {ReportReasonSchema.options.map((option) => (
          <label key={option} className="flex items-center gap-2 py-0.5">
            <input type="radio" name="report-reason" value={option} checked={reason === option} onChange={() => setReason(option)} />
            {REPORT_REASON_LABELS[option]}
          </label>
        ))}
      </fieldset>
      <label htmlFor={noteId} className="mb-1 text-sm font-medium">
        Note (optional)
      </label>
      <textarea
        id={noteId}
        value={note}
        maxLength={MAX_NOTE_LENGTH}
        rows={3}
        onChange={(event) => setNote(event.target.value)}
        className="rounded border border-slate-300 px-2 py-1 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
      />
    </ModalDialog>
  );
}
