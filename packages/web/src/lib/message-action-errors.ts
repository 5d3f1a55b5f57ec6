import { ParleyError } from '@parley/sdk';
import { describeError } from '../api/auth-errors.js';

/** Sentences for the refusals of the message actions (issue 5: edit, delete, react, forward). */
const SENTENCES: Partial<Record<string, string>> = {
  EDIT_WINDOW_EXPIRED: 'This message can no longer be edited.',
  MESSAGE_DELETED: 'This message was deleted.',
  CONVERSATION_READ_ONLY: 'The conversation is read-only.',
  FORBIDDEN: 'You may not change this message.',
  NOT_FOUND: 'This message or conversation is no longer available to you.',
};

/** A sentence for the user from an error of `messages.edit`, `delete`, `react`, `unreact` or `forward`. */
export function describeActionError(error: unknown): string {
  return (error instanceof ParleyError && SENTENCES[error.code]) || describeError(error);
}
