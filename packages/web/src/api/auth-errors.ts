import { ParleyError } from '@parley/sdk';

/** True for a refused or expired token: REST `401 UNAUTHENTICATED` or a socket `connect_error` with that code. */
export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ParleyError && (error.code === 'UNAUTHENTICATED' || error.status === 401);
}

/** True for `404 NOT_FOUND` (also what the API answers for a conversation the caller is not in). */
export function isNotFound(error: unknown): boolean {
  return error instanceof ParleyError && (error.code === 'NOT_FOUND' || error.status === 404);
}

/** A sentence for the user from any error the SDK throws. */
export function describeError(error: unknown): string {
  if (error instanceof ParleyError) {
    if (error.code === 'NETWORK_ERROR') return 'Parley could not be reached. Check your connection.';
    if (error.code === 'RATE_LIMITED') return 'Too many messages at once. Wait a moment and retry.';
    return error.message;
  }
  return error instanceof Error ? error.message : 'Something went wrong.';
}
