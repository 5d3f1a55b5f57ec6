import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamsSchema, MarkReadBodySchema, ReadStateSchema } from '@parley/protocol';
import type { ReceiptsService } from './receipts.service.js';

/** `POST /api/conversations/:id/read` (contract § Conversations and messages). */
export function receiptRoutes(receipts: ReceiptsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/conversations/:id/read',
      { schema: { tags: ['receipts'], params: IdParamsSchema, body: MarkReadBodySchema, response: { 200: ReadStateSchema } } },
      (request) => receipts.markRead(request.user, request.params.id, request.body.seq),
    );
  };
}
