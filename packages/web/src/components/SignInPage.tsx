import type { Role, User } from '@parley/protocol';
import { RoleSchema } from '@parley/protocol';

/** What the development sign-in page shows. */
export interface SignInPageProps {
  users: readonly User[];
  onPick: (userId: string) => void;
  /** The user being signed in (their button is disabled meanwhile). */
  busyUserId?: string | null;
  error?: string | null;
}

const ROLE_HEADINGS: Record<Role, string> = {
  client: 'Clients',
  provider: 'Providers',
  agency: 'Agencies',
  worker: 'Workers',
  admin: 'Admins',
};

/**
 * Development sign-in (`PARLEY_DEV_AUTH=1`): the demo users grouped by role (client, provider, agency, worker,
 * admin). Each user is a button whose accessible name is exactly the user's name, e.g. "Alice Martin".
 */
export function SignInPage({ users, onPick, busyUserId = null, error = null }: SignInPageProps) {
  return (
    <main className="mx-auto max-w-2xl p-6">
      <h1 className="text-2xl font-bold text-slate-900">Sign in to Parley</h1>
      <p className="mt-1 text-sm text-slate-600">Development sign-in: choose a demo user. In production the marketplace signs you in.</p>
      {error && (
        <p role="alert" className="mt-4 rounded bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      {RoleSchema.options.map((role) => {
        const members = users.filter((user) => user.role === role);
        if (members.length === 0) return null;
        return (
          <section key={role} aria-labelledby={`signin-${role}`} className="mt-6">
            <h2 id={`signin-${role}`} className="text-sm font-semibold uppercase tracking-wide text-slate-500">
              {ROLE_HEADINGS[role]}
            </h2>
            <ul className="mt-2 grid gap-2 sm:grid-cols-2">
              {members.map((user) => (
                <li key={user.id}>
                  <button
                    type="button"
                    onClick={() => onPick(user.id)}
                    disabled={busyUserId !== null}
                    aria-describedby={`signin-detail-${user.id}`}
                    className="w-full rounded-lg border border-slate-200 bg-white px-4 py-3 text-left font-medium text-slate-900 shadow-sm hover:border-sky-400 hover:bg-sky-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 disabled:opacity-60"
                  >
                    {user.name}
                  </button>
                  <p id={`signin-detail-${user.id}`} className="mt-0.5 px-1 text-xs text-slate-500">
                    {busyUserId === user.id ? 'Signing in…' : [user.email, user.approved ? null : 'not approved'].filter(Boolean).join(' · ')}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </main>
  );
}
