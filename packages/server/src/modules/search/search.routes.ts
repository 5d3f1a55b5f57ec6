import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SearchMessagesQuerySchema, SearchPageSchema } from '@parley/protocol';
import type { SearchService } from './search.service.js';

/** `GET /api/search/messages?q=&conversationId=&cursor=&limit=`: full-text search in the caller's conversations (issue 5). */
export function searchRoutes(search: SearchService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/search/messages',
      { schema: { tags: ['search'], querystring: SearchMessagesQuerySchema, response: { 200: SearchPageSchema } } },
      (request) => search.searchMessages(request.user, request.query),
    );
  };
}
