import type { Role } from '@parley/protocol';

/** `users`: everyone Parley has seen in a token (or seeded), with marketplace approval for providers and agencies. */
export interface UsersTable {
  id: string;
  name: string;
  email: string | null;
  role: Role;
  agency_id: string | null;
  /** 1 once an admin approved this provider or agency; always 1 for other roles. */
  approved: number;
  created_at: string;
  updated_at: string;
  /** When the user's last socket disconnected (presence); null if never. Written only by the presence module. */
  last_seen_at: string | null;
}
