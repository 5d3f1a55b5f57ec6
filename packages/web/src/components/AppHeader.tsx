import type { User } from '@parley/protocol';
import { Link } from 'wouter';
import { useSessionStore } from '../store/session-store.js';
import { NotificationBell } from './NotificationBell.js';
import { RoleBadge } from './RoleBadge.js';

/**
 * The top bar: the app's name, the link to message search, "Admin" (admins only), the notification bell, who is
 * signed in, and "Sign out".
 */
export function AppHeader({ me }: { me: User }) {
  return (
    <header className="flex items-center justify-between gap-3 border-b border-slate-200 bg-white px-4 py-2">
      <h1 className="text-lg font-bold text-slate-900">Parley</h1>
      <div className="flex items-center gap-3 text-sm">
        <Link
          href="/search"
          aria-label="Search messages"
          title="Search messages"
          className="rounded border border-slate-300 px-2 py-1 text-slate-700 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="currentColor">
            <path d="M8.5 2a6.5 6.5 0 0 1 5.2 10.4l3.95 3.95a.9.9 0 0 1-1.27 1.27l-3.95-3.95A6.5 6.5 0 1 1 8.5 2Zm0 1.8a4.7 4.7 0 1 0 0 9.4 4.7 4.7 0 0 0 0-9.4Z" />
          </svg>
        </Link>
        {me.role === 'admin' && (
          <Link href="/admin" className="rounded border border-slate-300 px-2 py-1 text-slate-700 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500">
            Admin
          </Link>
        )}
        <NotificationBell />
        <span className="hidden items-center gap-2 sm:flex">
          <span className="font-medium text-slate-800">{me.name}</span>
          <RoleBadge role={me.role} />
        </span>
        <button
          type="button"
          onClick={() => useSessionStore.getState().signOut()}
          className="rounded border border-slate-300 px-3 py-1 text-slate-700 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
        >
          Sign out
        </button>
      </div>
    </header>
  );
}
