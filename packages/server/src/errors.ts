import type { ErrorBody, ErrorCode } from '@parley/protocol';

/**
 * The one error type of the server. Services throw it through the factories below; the HTTP error
 * handler and the socket ack wrapper turn it into the contract's error body (contract § Conventions).
 */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** For `RATE_LIMITED`: how long to wait, in ms (sent as `Retry-After`, in seconds). */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }

  /** The contract's error body. */
  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) } };
  }
}

const statusByCode: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  PROPOSAL_NOT_PENDING: 409,
  PROPOSAL_EXPIRED: 409,
  PROVIDER_NOT_APPROVED: 409,
  REQUEST_NOT_OPEN: 409,
  TERMS_LOCKED: 409,
  PROJECT_NOT_ACTIVE: 409,
  CONVERSATION_READ_ONLY: 409,
  ALREADY_PARTICIPANT: 409,
  IDEMPOTENCY_CONFLICT: 409,
  EDIT_WINDOW_EXPIRED: 409,
  MESSAGE_DELETED: 409,
  CONVERSATION_LOCKED: 409,
  ALREADY_REPORTED: 409,
  REPORT_ALREADY_RESOLVED: 409,
  MEETING_ENDED: 409,
  MEETING_STARTED: 409,
  MEETINGS_NOT_CONFIGURED: 503,
};

/** The HTTP status of an error code; the only code → status map. */
export function httpStatus(code: ErrorCode): number {
  return statusByCode[code];
}

/** 404 `NOT_FOUND`, also for resources the caller may not know exist. */
export const notFound = (resource: string, id: string) => new AppError('NOT_FOUND', `${resource} ${id} not found`);
/** 403 `FORBIDDEN` (or nothing more specific). */
export const forbidden = (message: string) => new AppError('FORBIDDEN', message);
/** 401 `UNAUTHENTICATED`. */
export const unauthenticated = (message: string) => new AppError('UNAUTHENTICATED', message);
/** 409 with one of the contract's state-conflict codes. */
export const conflict = (code: ErrorCode, message: string) => new AppError(code, message);
/** 400 `VALIDATION_FAILED`; `details.fields` names each offending input (`body.text`, `conversationId`). */
export function invalidFields(fields: { field: string; message: string }[]): AppError {
  const first = fields[0];
  return new AppError('VALIDATION_FAILED', first ? `${first.field}: ${first.message}` : 'Invalid input', { fields });
}
/** 400 `VALIDATION_FAILED` for one field. */
export const invalid = (field: string, message: string) => invalidFields([{ field, message }]);
/** 429 `RATE_LIMITED`, `retryAfterMs` in ms. */
export const rateLimited = (retryAfterMs: number) =>
  new AppError('RATE_LIMITED', 'Too many requests; retry later', { retryAfterMs }, retryAfterMs);
/** 413 `PAYLOAD_TOO_LARGE`: a file or a request over a configured limit (`details.limit`, in bytes or files). */
export const payloadTooLarge = (message: string, limit: number) => new AppError('PAYLOAD_TOO_LARGE', message, { limit });
/** 415 `UNSUPPORTED_MEDIA_TYPE`: an upload whose detected type is not allowed or does not match its name (issue 6). */
export const unsupportedMedia = (message: string, details?: { name: string; detected: string | null }) =>
  new AppError('UNSUPPORTED_MEDIA_TYPE', message, details);
