import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HistoryPageSchema, HistoryQuerySchema, IdParamsSchema, MessageSchema, SendMessageBodySchema } from '@parley/protocol';
import type { MessagesService } from './messages.service.js';

/** History and sending (contract § Conversations and messages). A replayed `clientId` answers 200, a new message 201. */
export function messageRoutes(messages: MessagesService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['messages'];
    app.get(
      '/conversations/:id/messages',
      { schema: { tags, params: IdParamsSchema, querystring: HistoryQuerySchema, response: { 200: HistoryPageSchema } } },
      (request) => messages.history(request.user, request.params.id, request.query),
    );
    app.post(
      '/conversations/:id/messages',
      { schema: { tags, params: IdParamsSchema, body: SendMessageBodySchema, response: { 200: MessageSchema, 201: MessageSchema } } },
      async (request, reply) => {
        const { message, created } = await messages.send(request.user, request.params.id, request.body);
        return reply.status(created ? 201 : 200).send(message);
      },
    );
  };
}
