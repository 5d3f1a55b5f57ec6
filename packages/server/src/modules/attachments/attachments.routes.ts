import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { AttachmentSchema, IdParamsSchema, SignedUrlQuerySchema, UploadResultSchema, type SignedUrlQuery } from '@parley/protocol';
import { bearerToken } from '../../http/auth.js';
import type { IdentityService } from '../identity/identity.service.js';
import { planDelivery } from './attachment-delivery.js';
import type { AttachmentAccess, AttachmentsService } from './attachments.service.js';

/**
 * Issue 6: `POST /api/conversations/:id/attachments` (multipart, streamed), `GET /api/attachments/:id[/thumbnail]`
 * (bearer token or signed URL) and `GET /api/attachments/:id/meta`. The two byte routes are public to the auth hook
 * and check access themselves, so signed URLs work in `<img>` and `<video>` tags.
 */
export function attachmentRoutes(
  attachments: AttachmentsService,
  identity: IdentityService,
  limits: { maxFileBytes: number; maxFiles: number; cacheSeconds: number },
): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['attachments'];
    // One byte over each limit reaches the service, which refuses it with the contract's error as soon as it arrives.
    await app.register(multipart, { limits: { fileSize: limits.maxFileBytes + 1, files: limits.maxFiles + 1, fields: 20, parts: limits.maxFiles + 21 } });

    app.post('/conversations/:id/attachments', { schema: { tags, consumes: ['multipart/form-data'], params: IdParamsSchema, response: { 201: UploadResultSchema } } }, async (request, reply) => {
      const items = await attachments.upload(request.user, request.params.id, request.files());
      return reply.status(201).send({ items });
    });
    app.get('/attachments/:id/meta', { schema: { tags, params: IdParamsSchema, response: { 200: AttachmentSchema } } }, (request) =>
      attachments.meta(request.user, request.params.id),
    );

    for (const variant of ['file', 'thumbnail'] as const) {
      const path = variant === 'file' ? '/attachments/:id' : '/attachments/:id/thumbnail';
      app.get(path, { config: { public: true }, schema: { tags, params: IdParamsSchema, querystring: SignedUrlQuerySchema } }, async (request, reply) => {
        const row = await attachments.authorize(await accessOf(request, request.query, identity), request.params.id, variant);
        const plan = planDelivery(row, variant, { range: request.headers.range, ifNoneMatch: request.headers['if-none-match'], download: request.query.download === '1' }, limits.cacheSeconds);
        void reply.status(plan.status).headers(plan.headers);
        return plan.send ? reply.send(await attachments.read(row, variant, plan.range)) : reply.send();
      });
    }
  };
}

/** A signed URL's query when it has one, else the bearer token's user, else nobody. */
async function accessOf(request: FastifyRequest, query: SignedUrlQuery, identity: IdentityService): Promise<AttachmentAccess> {
  if (query.sig !== undefined || query.expires !== undefined) return { expires: query.expires ?? 0, sig: query.sig ?? '' };
  const token = bearerToken(request.headers.authorization);
  return token ? { user: await identity.authenticate(token) } : null;
}
