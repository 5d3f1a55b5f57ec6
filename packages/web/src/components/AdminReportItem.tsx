import type { Report, ResolveReportBody } from '@parley/protocol';
import { describeError } from '../api/auth-errors.js';
import { useAdminAction } from '../hooks/use-admin-action.js';
import { useApi } from '../hooks/use-api.js';
import { formatFullDateTime } from '../lib/format-time.js';
import { REPORT_REASON_LABELS } from '../lib/report-reasons.js';
import { AdminActionButton } from './AdminActionButton.js';
import { AdminConversationLink } from './AdminConversationLink.js';

/** The ways an admin resolves an open report (`PATCH /api/admin/reports/:id`). */
const RESOLUTIONS: readonly { label: string; body: ResolveReportBody }[] = [
  { label: 'Dismiss', body: { status: 'dismissed' } },
  { label: 'Delete message', body: { status: 'actioned', action: 'delete_message' } },
  { label: 'Lock conversation', body: { status: 'actioned', action: 'lock_conversation' } },
];

/**
 * One open report: the reported text (kept even once deleted), the reason, the reporter's note and when, a link
 * to the conversation's review page, and "Dismiss", "Delete message", "Lock conversation". A refusal (e.g. `REPORT_ALREADY_RESOLVED`) shows as an alert.
 */
export function AdminReportItem({ report }: { report: Report }) {
  const api = useApi();
  const resolve = useAdminAction((body: ResolveReportBody) => api.admin.resolveReport(report.id, body));
  return (
    <div className="flex flex-col gap-1">
      <blockquote className="border-l-2 border-slate-300 pl-2 text-slate-800">{report.messagePreview}</blockquote>
      <p className="text-xs text-slate-500">
        <span className="font-medium text-slate-700">{REPORT_REASON_LABELS[report.reason]}</span> · reported {formatFullDateTime(report.createdAt)} ·{' '}
        <AdminConversationLink conversationId={report.conversationId}>Review conversation</AdminConversationLink>
      </p>
      {report.note && <p className="text-slate-700">Note: {report.note}</p>}
      <div className="flex flex-wrap gap-1">
        {RESOLUTIONS.map(({ label, body }) => (
          <AdminActionButton key={label} onClick={() => resolve.mutate(body)} disabled={resolve.isPending}>
            {label}
          </AdminActionButton>
        ))}
      </div>
      {resolve.error && (
        <p role="alert" className="text-xs text-red-700">
          Could not resolve the report: {describeError(resolve.error)}
        </p>
      )}
    </div>
  );
}
