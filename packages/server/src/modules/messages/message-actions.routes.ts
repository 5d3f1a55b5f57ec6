import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  EditMessageBodySchema,
  ForwardBodySchema,
  IdParamsSchema,
  MessageEditListSchema,
  MessageSchema,
  ReactionBodySchema,
  ReactionParamsSchema,
} from '@parley/protocol';
import type { MessageActionsService } from './message-actions.service.js';
import type { MessagesService } from './messages.service.js';
import type { ReactionsService } from './reactions.service.js';

/** Actions on one message (issue 5): edit, delete, edit history, forward, reactions. */
export function messageActionRoutes(actions: MessageActionsService, reactions: ReactionsService, messages: MessagesService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['messages'];
    const one = { 200: MessageSchema };
    app.patch('/messages/:id', { schema: { tags, params: IdParamsSchema, body: EditMessageBodySchema, response: one } }, (request) =>
      actions.edit(request.user, request.params.id, request.body),
    );
    app.delete('/messages/:id', { schema: { tags, params: IdParamsSchema, response: one } }, (request) => actions.remove(request.user, request.params.id));
    app.get('/messages/:id/edits', { schema: { tags, params: IdParamsSchema, response: { 200: MessageEditListSchema } } }, (request) =>
      actions.edits(request.user, request.params.id),
    );
    app.post(
      '/messages/:id/forward',
      { schema: { tags, params: IdParamsSchema, body: ForwardBodySchema, response: { 200: MessageSchema, 201: MessageSchema } } },
      async (request, reply) => {
        const { message, created } = await messages.forward(request.user, request.params.id, request.body);
        return reply.status(created ? 201 : 200).send(message);
      },
    );
    app.post(
      '/messages/:id/reactions',
      { schema: { tags, params: IdParamsSchema, body: ReactionBodySchema, response: { 200: MessageSchema, 201: MessageSchema } } },
      async (request, reply) => {
        const { message, changed } = await reactions.add(request.user, request.params.id, request.body.emoji);
        return reply.status(changed ? 201 : 200).send(message);
      },
    );
    app.delete('/messages/:id/reactions/:emoji', { schema: { tags, params: ReactionParamsSchema, response: one } }, async (request) => {
      const { message } = await reactions.remove(request.user, request.params.id, request.params.emoji);
      return message;
    });
  };
}
