import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SyncPageSchema, SyncQuerySchema } from '@parley/protocol';
import type { SyncService } from './sync.service.js';

/** `GET /api/sync?since=&limit=`: what changed in the caller's conversations since a cursor (docs/delivery.md, guarantee 4). */
export function syncRoutes(sync: SyncService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/sync', { schema: { tags: ['sync'], querystring: SyncQuerySchema, response: { 200: SyncPageSchema } } }, (request) =>
      sync.changes(request.user, request.query),
    );
  };
}
