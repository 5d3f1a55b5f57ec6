import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamsSchema, PinListSchema } from '@parley/protocol';
import type { PinsService } from './pins.service.js';

/** Pinned messages (issue 5): list a conversation's pins, pin and unpin a message; each answers the pins. */
export function pinRoutes(pins: PinsService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['messages'];
    const schema = { tags, params: IdParamsSchema, response: { 200: PinListSchema } };
    app.get('/conversations/:id/pins', { schema }, (request) => pins.list(request.user, request.params.id));
    app.put('/messages/:id/pin', { schema }, (request) => pins.set(request.user, request.params.id, true));
    app.delete('/messages/:id/pin', { schema }, (request) => pins.set(request.user, request.params.id, false));
  };
}
