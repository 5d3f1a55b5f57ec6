import type { User } from '@parley/protocol';
import { Link, useLocation, useRoute } from 'wouter';
import { AdminAuditLog } from './AdminAuditLog.js';
import { AdminConversationReview } from './AdminConversationReview.js';
import { AdminConversations } from './AdminConversations.js';
import { AdminReports } from './AdminReports.js';

/** The page's sections, each a link (`aria-current="page"` on the shown one). */
const SECTIONS = [
  { href: '/admin', label: 'Conversations', Section: AdminConversations },
  { href: '/admin/reports', label: 'Reports', Section: AdminReports },
  { href: '/admin/audit', label: 'Audit log', Section: AdminAuditLog },
] as const;

/**
 * The admin page (`/admin`, `/admin/reports`, `/admin/audit`; docs/api.md § Admin routes): "Conversations" with
 * their status buttons, "Reports", the open report queue, and the "Audit log"; `/admin/conversations/:id` reviews
 * one conversation. Anyone whose role is not `admin` sees "Admins only." and nothing is asked of the server.
 */
export function AdminPage({ me }: { me: User }) {
  const [location] = useLocation();
  const [reviewing, review] = useRoute('/admin/conversations/:id');
  if (me.role !== 'admin') return <p className="p-6 text-sm text-slate-700">Admins only.</p>;
  const { Section } = SECTIONS.find(({ href }) => href === location) ?? SECTIONS[0];
  return (
    <div className="flex min-h-0 min-w-0 flex-1 flex-col bg-white">
      <nav aria-label="Admin" className="flex gap-1 border-b border-slate-200 px-4 py-2">
        {SECTIONS.map(({ href, label }) => (
          <Link
            key={href}
            href={href}
            aria-current={href === location ? 'page' : undefined}
            className="rounded-full px-3 py-1 text-sm text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-slate-900 aria-[current=page]:text-white"
          >
            {label}
          </Link>
        ))}
      </nav>
      <div className="min-h-0 flex-1 overflow-y-auto">
        {reviewing ? <AdminConversationReview key={review.id} conversationId={review.id} /> : <Section />}
      </div>
    </div>
  );
}
