import { ErrorBodySchema, type ErrorCode } from '@parley/protocol';

/** Codes the SDK adds to the contract's: the server could not be reached, or answered something unreadable. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'BAD_RESPONSE';

/**
 * The one error the SDK throws. `code` is the contract's error code (contract § Conventions) or a
 * {@link ClientErrorCode}; `status` the HTTP status (0 when no response arrived, and for socket acks);
 * `retryAfterMs` comes from `Retry-After` on `429 RATE_LIMITED` (ms), or from the ack's `details.retryAfterMs` over the socket.
 */
export class ParleyError extends Error {
  override readonly name = 'ParleyError';
  constructor(
    readonly code: ErrorCode | ClientErrorCode | (string & {}),
    message: string,
    readonly status: number,
    readonly details?: unknown,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }

  /** Builds the error for a non-2xx response from its contract body (or its status when the body is not one). */
  static fromResponse(status: number, body: unknown, retryAfter: string | null): ParleyError {
    const parsed = ErrorBodySchema.safeParse(body);
    const retryAfterMs = retryAfter !== null && Number.isFinite(Number(retryAfter)) ? Number(retryAfter) * 1000 : undefined;
    if (!parsed.success) return new ParleyError('BAD_RESPONSE', `HTTP ${status}`, status, undefined, retryAfterMs);
    const { code, message, details } = parsed.data.error;
    return new ParleyError(code, message, status, details, retryAfterMs);
  }
}
