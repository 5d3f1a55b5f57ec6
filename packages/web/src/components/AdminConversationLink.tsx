import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { adminReviewPath } from '../lib/admin-paths.js';

/** A link to a conversation's admin review page: its title in the admin list and the audit log, "Review conversation" in a report. */
export function AdminConversationLink({
  conversationId,
  children,
  className = 'text-sky-700 underline hover:text-sky-900',
}: {
  conversationId: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <Link href={adminReviewPath(conversationId)} className={className}>
      {children}
    </Link>
  );
}
