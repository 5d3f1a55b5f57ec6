import type { ReportReason } from '@parley/protocol';

/**
 * What each report reason (`ReportReasonSchema`, docs/api.md § Moderation) is called on screen, in the order the
 * report dialog offers them.
 */
export const REPORT_REASON_LABELS: Readonly<Record<ReportReason, string>> = {
  spam: 'Spam',
  abuse: 'Abuse',
  harassment: 'Harassment',
  off_platform_contact: 'Contact outside the platform',
  other: 'Other',
};
