import type { User } from '@parley/protocol';
import { forbidden } from '../../errors.js';

/** Throws `FORBIDDEN` unless the token says `role: admin` (issue 5, "Moderation and admin"). */
export function requireAdmin(actor: User): void {
  if (actor.role !== 'admin') throw forbidden('Only admins may do this');
}
