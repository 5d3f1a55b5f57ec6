import { z } from 'zod';
import { IdSchema } from './common.js';

/** Marketplace roles (contract § Identity). */
export const RoleSchema = z.enum(['client', 'provider', 'agency', 'worker', 'admin']);
export type Role = z.infer<typeof RoleSchema>;

/**
 * The claims Parley reads from the marketplace's JWT (contract § Identity):
 * `sub` and `role` and `exp` are required; `agencyId` applies to `agency` and `worker` users.
 */
export const TokenClaimsSchema = z.object({
  sub: IdSchema,
  name: z.string().trim().min(1).max(200).optional(),
  email: z.email().optional(),
  role: RoleSchema,
  agencyId: IdSchema.optional(),
  exp: z.number().int(),
});
export type TokenClaims = z.infer<typeof TokenClaimsSchema>;

/** A user as Parley knows them (created or updated from the token's claims on first sight). */
export const UserSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    email: z.string().nullable(),
    role: RoleSchema,
    agencyId: z.string().nullable(),
    approved: z.boolean(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof UserSchema>;

/** `POST /api/dev/token` body (development only, `PARLEY_DEV_AUTH=1`). */
export const DevTokenBodySchema = z.object({ userId: IdSchema });
export type DevTokenBody = z.infer<typeof DevTokenBodySchema>;

export const DevTokenResultSchema = z.object({ token: z.string() });
export type DevTokenResult = z.infer<typeof DevTokenResultSchema>;

/** `GET /api/dev/users`: the demo users one may sign in as (development only). */
export const DevUserListSchema = z.object({ items: z.array(UserSchema) });
export type DevUserList = z.infer<typeof DevUserListSchema>;
