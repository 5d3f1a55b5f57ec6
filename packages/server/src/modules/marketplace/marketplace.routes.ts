import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AssignWorkerBodySchema,
  ConversationSchema,
  CreateProposalBodySchema,
  CreateRequestBodySchema,
  IdParamsSchema,
  PatchProjectBodySchema,
  ProjectPageSchema,
  ProjectSchema,
  ProposalListSchema,
  ProposalSchema,
  RequestPageSchema,
  RequestSchema,
  UserSchema,
} from '@parley/protocol';
import type { ProjectsService } from './projects.service.js';
import type { RequestsService } from './requests.service.js';

const PageQuerySchema = z.object({
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
const UserParamsSchema = z.object({ userId: IdParamsSchema.shape.id });

/** Requests, proposals, approval and projects (contract § Marketplace flow). */
export function marketplaceRoutes(requests: RequestsService, projects: ProjectsService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['marketplace'];
    app.post('/requests', { schema: { tags, body: CreateRequestBodySchema, response: { 201: RequestSchema } } }, async (request, reply) =>
      reply.status(201).send(await requests.createRequest(request.user, request.body)),
    );
    app.get('/requests', { schema: { tags, querystring: PageQuerySchema, response: { 200: RequestPageSchema } } }, (request) =>
      requests.listRequests(request.user, request.query),
    );
    app.post(
      '/requests/:id/proposals',
      { schema: { tags, params: IdParamsSchema, body: CreateProposalBodySchema, response: { 201: ProposalSchema } } },
      async (request, reply) => reply.status(201).send(await requests.createProposal(request.user, request.params.id, request.body)),
    );
    app.get('/requests/:id/proposals', { schema: { tags, params: IdParamsSchema, response: { 200: ProposalListSchema } } }, (request) =>
      requests.listProposals(request.user, request.params.id),
    );
    app.post('/admin/providers/:userId/approve', { schema: { tags, params: UserParamsSchema, response: { 200: UserSchema } } }, (request) =>
      requests.approveProvider(request.user, request.params.userId),
    );
    app.post(
      '/proposals/:id/accept',
      { schema: { tags, params: IdParamsSchema, response: { 201: z.object({ project: ProjectSchema, conversation: ConversationSchema }) } } },
      async (request, reply) => reply.status(201).send(await projects.acceptProposal(request.user, request.params.id)),
    );
    app.get('/projects', { schema: { tags, querystring: PageQuerySchema, response: { 200: ProjectPageSchema } } }, (request) =>
      projects.list(request.user, request.query),
    );
    app.get('/projects/:id', { schema: { tags, params: IdParamsSchema, response: { 200: ProjectSchema } } }, (request) =>
      projects.get(request.user, request.params.id),
    );
    app.patch(
      '/projects/:id',
      { schema: { tags, params: IdParamsSchema, body: PatchProjectBodySchema, response: { 200: ProjectSchema } } },
      (request) => projects.patch(request.user, request.params.id, request.body),
    );
    app.post(
      '/projects/:id/workers',
      { schema: { tags, params: IdParamsSchema, body: AssignWorkerBodySchema, response: { 200: ProjectSchema } } },
      (request) => projects.assignWorker(request.user, request.params.id, request.body.userId),
    );
  };
}
