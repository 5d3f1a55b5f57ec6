import type { User } from '@parley/protocol';
import { useSessionStore } from '../store/session-store.js';
import { NotificationBell } from './NotificationBell.js';
import { RoleBadge } from './RoleBadge.js';

/** The top bar: the app's name, the notification bell, who is signed in, and "Sign out". */
export function AppHeader({ me }: { me: User }) {
  return (
    <header className="flex items-center justify-between gap-3 border-b border-slate-200 bg-white px-4 py-2">
      <h1 className="text-lg font-bold text-slate-900">Parley</h1>
      <div className="flex items-center gap-3 text-sm">
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
