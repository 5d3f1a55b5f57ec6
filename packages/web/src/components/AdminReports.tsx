import { queryKeys } from '../api/query-keys.js';
import { useAdminPages } from '../hooks/use-admin-pages.js';
import { useApi } from '../hooks/use-api.js';
import { AdminReportItem } from './AdminReportItem.js';
import { PagedList } from './PagedList.js';

/** The admin page's "Reports": the reports no admin has resolved yet (`GET /api/admin/reports?status=open`), newest first. */
export function AdminReports() {
  const api = useApi();
  const query = useAdminPages(queryKeys.adminReports('open'), (page) => api.admin.reports({ status: 'open', ...page }));
  return (
    <PagedList query={query} label="Open reports" noun="reports" empty="No open reports.">
      {(report) => <AdminReportItem report={report} />}
    </PagedList>
  );
}
