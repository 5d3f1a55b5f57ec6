import type { User } from '@parley/protocol';
import { Link, useRoute } from 'wouter';
import { useOpenReports } from '../hooks/use-open-reports.js';
import { AdminConversations } from './AdminConversations.js';
import { AdminReportItem } from './AdminReportItem.js';
import { PagedList } from './PagedList.js';

/** The page's sections, each a link (`aria-current="page"` on the shown one). */
const SECTIONS = [
  { href: '/admin', label: 'Conversations' },
  { href: '/admin/reports', label: 'Reports' },
] as const;

/**
 * The admin page (`/admin`, `/admin/reports`; docs/api.md § Admin routes): "Conversations" with their status
 * buttons, and "Reports", the open report queue. Anyone whose role is not `admin` sees "Admins only." and nothing
 * is asked of the server.
 */
export function AdminPage({ me }: { me: User }) {
  const [reports] = useRoute('/admin/reports');
  if (me.role !== 'admin') return <p className="p-6 text-sm text-slate-700">Admins only.</p>;
  return (
    <div className="flex min-h-0 min-w-0 flex-1 flex-col bg-white">
      <nav aria-label="Admin" className="flex gap-1 border-b border-slate-200 px-4 py-2">
        {SECTIONS.map(({ href, label }) => (
          <Link
            key={href}
            href={href}
            aria-current={(href === '/admin/reports') === reports ? 'page' : undefined}
            className="rounded-full px-3 py-1 text-sm text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-slate-900 aria-[current=page]:text-white"
          >
            {label}
          </Link>
        ))}
      </nav>
      <div className="min-h-0 flex-1 overflow-y-auto">{reports ? <OpenReports /> : <AdminConversations />}</div>
    </div>
  );
}

function OpenReports() {
  const query = useOpenReports();
  return (
    <PagedList query={query} label="Open reports" noun="reports" empty="No open reports.">
      {(report) => <AdminReportItem report={report} />}
    </PagedList>
  );
}
