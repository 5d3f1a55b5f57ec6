import type { FastifyInstance } from 'fastify';
import type { User } from '@parley/protocol';
import { unauthenticated } from '../errors.js';
import type { IdentityService } from '../modules/identity/identity.service.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated caller; set on every route not marked `config: { public: true }`. */
    user: User;
  }
  interface FastifyContextConfig {
    /** True for routes that need no bearer token (health, dev sign-in, docs). */
    public?: boolean;
  }
}

/**
 * Requires `Authorization: Bearer <jwt>` on every `/api` route unless the route is marked public
 * (contract § Identity). Answers `401 UNAUTHENTICATED` for a missing, bad or expired token.
 */
export function registerAuth(app: FastifyInstance, identity: IdentityService): void {
  app.decorateRequest('user');
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.public || !request.url.startsWith('/api/') || request.url.startsWith('/api/docs') || request.is404) return;
    const token = bearerToken(request.headers.authorization);
    if (!token) throw unauthenticated('Missing bearer token');
    request.user = await identity.authenticate(token);
  });
}

/** The token of an `Authorization: Bearer <token>` header (RFC 6750 § 2.1), or null. */
export function bearerToken(header: string | undefined): string | null {
  return /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1] ?? null;
}
