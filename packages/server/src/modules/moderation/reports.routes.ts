import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CreateReportBodySchema, IdParamsSchema, ReportListQuerySchema, ReportPageSchema, ReportSchema, ResolveReportBodySchema } from '@parley/protocol';
import type { ReportsService } from './reports.service.js';

/** `POST /api/messages/:id/reports` (participants) and the admin queue `GET|PATCH /api/admin/reports…` (issue 5). */
export function reportRoutes(reports: ReportsService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['moderation'];
    app.post(
      '/messages/:id/reports',
      { schema: { tags, params: IdParamsSchema, body: CreateReportBodySchema, response: { 201: ReportSchema } } },
      async (request, reply) => reply.status(201).send(await reports.create(request.user, request.params.id, request.body)),
    );
    app.get('/admin/reports', { schema: { tags, querystring: ReportListQuerySchema, response: { 200: ReportPageSchema } } }, (request) =>
      reports.list(request.user, request.query),
    );
    app.patch('/admin/reports/:id', { schema: { tags, params: IdParamsSchema, body: ResolveReportBodySchema, response: { 200: ReportSchema } } }, (request) =>
      reports.resolve(request.user, request.params.id, request.body),
    );
  };
}
