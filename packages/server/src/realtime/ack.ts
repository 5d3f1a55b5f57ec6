import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Ack } from '@parley/protocol';
import { AppError, invalidFields } from '../errors.js';

/**
 * Wraps a socket handler (CONVENTIONS rule 7): validates the payload against its protocol schema, runs
 * the service call, and answers the acknowledgement with `{ok: true, data?}` or `{ok: false, error}`.
 * Unknown errors answer `INTERNAL` and are logged with their stack; a missing ack callback is tolerated.
 */
export function handler<S extends z.ZodType, R>(
  schema: S,
  log: Logger,
  run: (payload: z.output<S>) => Promise<R>,
): (payload: unknown, ack?: unknown) => void {
  return (payload, ack) => {
    const reply = (response: Ack<R>) => {
      // Socket.IO hands over whatever the client sent as the last argument; only a function is an ack.
      if (typeof ack === 'function') (ack as (response: Ack<R>) => void)(response);
    };
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || 'payload', message: issue.message }));
      reply({ ok: false, error: invalidFields(fields).toBody().error });
      return;
    }
    run(parsed.data).then(
      (data) => reply(data === undefined ? { ok: true } : { ok: true, data }),
      (error: unknown) => {
        if (error instanceof AppError) return reply({ ok: false, error: error.toBody().error });
        log.error({ err: error }, 'socket handler failed');
        reply({ ok: false, error: new AppError('INTERNAL', 'Internal server error').toBody().error });
      },
    );
  };
}
