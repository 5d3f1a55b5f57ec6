import type { User } from '@parley/protocol';
import type { UserRow } from './identity.repository.js';

/** users row → the contract's `User`. */
export function presentUser(row: Omit<UserRow, 'last_seen_at'>): User {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    agencyId: row.agency_id,
    approved: row.approved === 1,
  };
}
