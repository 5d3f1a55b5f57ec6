import type { DevTokenResult, User } from '@parley/protocol';
import type { Db } from '../../db/database.js';
import { notFound } from '../../errors.js';
import { nowIso } from '../../ids.js';
import { findUser, listUsers, upsertUser } from './identity.repository.js';
import { presentUser } from './identity.presenter.js';
import type { TokenKeys } from './token-keys.js';

/** Lifetime of a development token, in seconds (12 hours). */
const DEV_TOKEN_TTL_S = 12 * 60 * 60;

/** Who is calling: token verification and the user records it creates (contract § Identity). */
export class IdentityService {
  constructor(
    private readonly db: Db,
    private readonly keys: TokenKeys,
  ) {}

  /**
   * Verifies a bearer token and returns its user, created or updated from the claims on first sight.
   * Providers and agencies start unapproved. Throws `UNAUTHENTICATED` for a bad or expired token.
   */
  async authenticate(token: string): Promise<User> {
    const claims = await this.keys.verify(token);
    const existing = await findUser(this.db, claims.sub);
    const name = claims.name ?? existing?.name ?? claims.sub;
    const email = claims.email ?? existing?.email ?? null;
    const agencyId = claims.agencyId ?? (claims.role === 'agency' ? claims.sub : null);
    const unchanged =
      existing && existing.name === name && existing.email === email && existing.role === claims.role && existing.agency_id === agencyId;
    if (existing && unchanged) return presentUser(existing);
    const now = nowIso();
    const row = {
      id: claims.sub,
      name,
      email,
      role: claims.role,
      agency_id: agencyId,
      approved: existing?.approved ?? (claims.role === 'provider' || claims.role === 'agency' ? 0 : 1),
      created_at: existing?.created_at ?? now,
      updated_at: now,
    };
    await upsertUser(this.db, row);
    return presentUser(row);
  }

  /** A token for a known user (development only). Throws `NOT_FOUND` for an unknown user id. */
  async issueDevToken(userId: string): Promise<DevTokenResult> {
    const user = await findUser(this.db, userId);
    if (!user) throw notFound('user', userId);
    const token = await this.keys.sign(
      { sub: user.id, role: user.role, name: user.name, ...(user.email ? { email: user.email } : {}), ...(user.agency_id ? { agencyId: user.agency_id } : {}) },
      DEV_TOKEN_TTL_S,
    );
    return { token };
  }

  /** Every known user (development sign-in list). */
  async listDevUsers(): Promise<User[]> {
    return (await listUsers(this.db)).map(presentUser);
  }
}
