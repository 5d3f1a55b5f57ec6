import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  MarkNotificationsReadBodySchema,
  MarkNotificationsReadResultSchema,
  NotificationListQuerySchema,
  NotificationPageSchema,
} from '@parley/protocol';
import type { NotificationsService } from './notifications.service.js';

/** `GET /api/notifications` and `POST /api/notifications/read` (the caller's own notifications). */
export function notificationRoutes(notifications: NotificationsService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['notifications'];
    app.get('/notifications', { schema: { tags, querystring: NotificationListQuerySchema, response: { 200: NotificationPageSchema } } }, (request) =>
      notifications.list(request.user, request.query),
    );
    app.post(
      '/notifications/read',
      { schema: { tags, body: MarkNotificationsReadBodySchema, response: { 200: MarkNotificationsReadResultSchema } } },
      (request) => notifications.markRead(request.user, request.body),
    );
  };
}
