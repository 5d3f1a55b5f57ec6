import type { Role } from '@parley/protocol';

const ROLE_STYLES: Record<Role, string> = {
  client: 'bg-sky-100 text-sky-800',
  provider: 'bg-emerald-100 text-emerald-800',
  agency: 'bg-violet-100 text-violet-800',
  worker: 'bg-amber-100 text-amber-900',
  admin: 'bg-slate-200 text-slate-800',
};

/** A small label naming a marketplace role (contract § Identity): client, provider, agency, worker, admin. */
export function RoleBadge({ role }: { role: Role }) {
  return <span className={`rounded px-1.5 py-0.5 text-[0.7rem] font-medium uppercase tracking-wide ${ROLE_STYLES[role]}`}>{role}</span>;
}
