import { z } from 'zod';

/**
 * Every error code the server answers with (contract § Conventions and § Marketplace flow).
 * The HTTP status of each code is fixed by the server's `httpStatus(code)`.
 */
export const errorCodes = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'INTERNAL',
  'PROPOSAL_NOT_PENDING',
  'PROPOSAL_EXPIRED',
  'PROVIDER_NOT_APPROVED',
  'REQUEST_NOT_OPEN',
  'TERMS_LOCKED',
  'PROJECT_NOT_ACTIVE',
  'CONVERSATION_READ_ONLY',
  'ALREADY_PARTICIPANT',
  'IDEMPOTENCY_CONFLICT',
  'EDIT_WINDOW_EXPIRED',
  'MESSAGE_DELETED',
  'CONVERSATION_LOCKED',
  'ALREADY_REPORTED',
  'REPORT_ALREADY_RESOLVED',
  'MEETING_ENDED',
  'MEETING_STARTED',
  'MEETINGS_NOT_CONFIGURED',
] as const;

export const ErrorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/** The one error shape on the wire: `{"error": {"code", "message", "details"?}}` (contract § Conventions). */
export const ErrorDetailSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ErrorDetail = z.infer<typeof ErrorDetailSchema>;

export const ErrorBodySchema = z.object({ error: ErrorDetailSchema }).meta({ id: 'ErrorBody' });
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
