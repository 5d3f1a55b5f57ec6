import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DevTokenBodySchema, DevTokenResultSchema, DevUserListSchema, UserSchema } from '@parley/protocol';
import type { IdentityService } from './identity.service.js';

/** `GET /api/me`, and with `devAuth` the development routes `POST /api/dev/token` and `GET /api/dev/users`. */
export function identityRoutes(identity: IdentityService, devAuth: boolean): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/me', { schema: { tags: ['identity'], response: { 200: UserSchema } } }, (request) => request.user);

    if (!devAuth) return;
    app.post(
      '/dev/token',
      { config: { public: true }, schema: { tags: ['development'], body: DevTokenBodySchema, response: { 200: DevTokenResultSchema } } },
      (request) => identity.issueDevToken(request.body.userId),
    );
    app.get(
      '/dev/users',
      { config: { public: true }, schema: { tags: ['development'], response: { 200: DevUserListSchema } } },
      async () => ({ items: await identity.listDevUsers() }),
    );
  };
}
