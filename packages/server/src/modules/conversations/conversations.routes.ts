import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ConversationListQuerySchema,
  ConversationPageSchema,
  ConversationSchema,
  ConversationSettingsBodySchema,
  IdParamsSchema,
} from '@parley/protocol';
import type { ConversationsService } from './conversations.service.js';

/**
 * `GET /api/conversations`, `GET /api/conversations/:id` (contract § Conversations and messages) and
 * `PATCH /api/conversations/:id/settings` (the caller's own mute, archive and pin settings).
 */
export function conversationRoutes(conversations: ConversationsService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['conversations'];
    app.get('/conversations', { schema: { tags, querystring: ConversationListQuerySchema, response: { 200: ConversationPageSchema } } }, (request) =>
      conversations.list(request.user, request.query),
    );
    app.get('/conversations/:id', { schema: { tags, params: IdParamsSchema, response: { 200: ConversationSchema } } }, (request) =>
      conversations.get(request.user.id, request.params.id),
    );
    app.patch(
      '/conversations/:id/settings',
      { schema: { tags, params: IdParamsSchema, body: ConversationSettingsBodySchema, response: { 200: ConversationSchema } } },
      (request) => conversations.updateSettings(request.user, request.params.id, request.body),
    );
  };
}
