import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AdminConversationListQuerySchema,
  AdminConversationPageSchema,
  AdminConversationSchema,
  AdminConversationStatusBodySchema,
  AdminParticipantListSchema,
  AuditListQuerySchema,
  AuditPageSchema,
  HistoryPageSchema,
  HistoryQuerySchema,
  IdParamsSchema,
} from '@parley/protocol';
import type { AdminService } from './admin.service.js';

/** `/api/admin/conversations…` and `/api/admin/audit` (issue 5), admins only. */
export function adminRoutes(admin: AdminService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['admin'];
    app.get('/admin/conversations', { schema: { tags, querystring: AdminConversationListQuerySchema, response: { 200: AdminConversationPageSchema } } }, (request) =>
      admin.listConversations(request.user, request.query),
    );
    app.get('/admin/conversations/:id', { schema: { tags, params: IdParamsSchema, response: { 200: AdminConversationSchema } } }, (request) =>
      admin.conversation(request.user, request.params.id),
    );
    app.patch(
      '/admin/conversations/:id/status',
      { schema: { tags, params: IdParamsSchema, body: AdminConversationStatusBodySchema, response: { 200: AdminConversationSchema } } },
      (request) => admin.setStatus(request.user, request.params.id, request.body),
    );
    app.get('/admin/conversations/:id/participants', { schema: { tags, params: IdParamsSchema, response: { 200: AdminParticipantListSchema } } }, (request) =>
      admin.participants(request.user, request.params.id),
    );
    app.get(
      '/admin/conversations/:id/messages',
      { schema: { tags, params: IdParamsSchema, querystring: HistoryQuerySchema, response: { 200: HistoryPageSchema } } },
      (request) => admin.messages(request.user, request.params.id, request.query),
    );
    app.get('/admin/audit', { schema: { tags, querystring: AuditListQuerySchema, response: { 200: AuditPageSchema } } }, (request) =>
      admin.audit(request.user, request.query),
    );
  };
}
