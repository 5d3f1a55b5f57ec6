import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CreateMeetingBodySchema, IdParamsSchema, MeetingListSchema, MeetingSchema, MeetingTokenSchema } from '@parley/protocol';
import type { MeetingLifecycle } from './meeting-lifecycle.js';
import type { MeetingsService } from './meetings.service.js';

/** The lifecycle actions, each `POST /api/meetings/:id/<action>` answering the meeting (issue 7, "REST"). */
const ACTIONS = ['accept', 'decline', 'start', 'join', 'leave', 'end', 'cancel'] as const;

/** Issue 7's meeting routes: create and list per project, read one, the lifecycle actions, and the media token. */
export function meetingRoutes(meetings: MeetingsService, lifecycle: MeetingLifecycle): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['meetings'];
    app.post('/projects/:id/meetings', { schema: { tags, params: IdParamsSchema, body: CreateMeetingBodySchema, response: { 201: MeetingSchema } } }, async (request, reply) =>
      reply.status(201).send(await meetings.create(request.user, request.params.id, request.body)),
    );
    app.get('/projects/:id/meetings', { schema: { tags, params: IdParamsSchema, response: { 200: MeetingListSchema } } }, (request) =>
      meetings.list(request.user, request.params.id),
    );
    app.get('/meetings/:id', { schema: { tags, params: IdParamsSchema, response: { 200: MeetingSchema } } }, (request) => meetings.get(request.user, request.params.id));
    for (const action of ACTIONS) {
      app.post(`/meetings/:id/${action}`, { schema: { tags, params: IdParamsSchema, response: { 200: MeetingSchema } } }, (request) =>
        lifecycle[action](request.user, request.params.id),
      );
    }
    app.post('/meetings/:id/token', { schema: { tags, params: IdParamsSchema, response: { 200: MeetingTokenSchema } } }, (request) =>
      meetings.token(request.user, request.params.id),
    );
  };
}
