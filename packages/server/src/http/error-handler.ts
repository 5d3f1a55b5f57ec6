import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, httpStatus, invalidFields } from '../errors.js';
import { wantsWebApp } from './web-app.js';

/**
 * Turns every error into the contract's error body (contract § Conventions): `AppError`s keep their
 * code; schema failures become `400 VALIDATION_FAILED` with the fields in `details`; Fastify's own
 * client errors keep their 4xx meaning; anything else is `500 INTERNAL`, logged with its stack.
 * Unknown routes answer `404 NOT_FOUND`, except page loads that fall back to the web app when it is served.
 */
export function registerErrorHandler(app: FastifyInstance, serveWebApp: boolean): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.retryAfterMs !== undefined) void reply.header('retry-after', Math.ceil(error.retryAfterMs / 1000));
      return reply.status(httpStatus(error.code)).send(error.toBody());
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((issue) => ({
        field: [error.validationContext, ...issue.instancePath.split('/').filter(Boolean)].join('.'),
        message: issue.message ?? 'is invalid',
      }));
      return reply.status(400).send(invalidFields(fields).toBody());
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send(new AppError('PAYLOAD_TOO_LARGE', 'Request body too large').toBody());
    }
    if (!isResponseSerializationError(error) && error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(400).send(new AppError('VALIDATION_FAILED', error.message).toBody());
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(new AppError('INTERNAL', 'Internal server error').toBody());
  });

  app.setNotFoundHandler((request, reply) => {
    if (serveWebApp && wantsWebApp(request.method, request.url, request.headers.accept)) return reply.sendFile('index.html');
    return reply.status(404).send(new AppError('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0] ?? ''}`).toBody());
  });
}
