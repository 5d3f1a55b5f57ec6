import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AddParticipantBodySchema, ConversationSchema, CreateGroupBodySchema, IdParamsSchema, ParticipantParamsSchema } from '@parley/protocol';
import type { GroupsService } from './groups.service.js';

/** Groups inside a project (issue 5): create one, add a member, remove a member or leave. */
export function groupRoutes(groups: GroupsService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['conversations'];
    app.post('/conversations', { schema: { tags, body: CreateGroupBodySchema, response: { 201: ConversationSchema } } }, async (request, reply) =>
      reply.status(201).send(await groups.create(request.user, request.body)),
    );
    app.post(
      '/conversations/:id/participants',
      { schema: { tags, params: IdParamsSchema, body: AddParticipantBodySchema, response: { 200: ConversationSchema } } },
      (request) => groups.addMember(request.user, request.params.id, request.body),
    );
    app.delete('/conversations/:id/participants/:userId', { schema: { tags, params: ParticipantParamsSchema } }, async (request, reply) => {
      await groups.removeMember(request.user, request.params.id, request.params.userId);
      return reply.status(204).send();
    });
  };
}
