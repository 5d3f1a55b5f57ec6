import { ParleyError } from '@parley/sdk';
import { describeError } from '../api/auth-errors.js';

/** Sentences for the refusals of a group's member changes (docs/api.md § Groups). */
const SENTENCES: Partial<Record<string, string>> = {
  ALREADY_PARTICIPANT: 'That person is already in the group.',
  VALIDATION_FAILED: 'That person is not a member of the project.',
  FORBIDDEN: 'Only the group’s creator can change its members, and the creator cannot leave.',
  NOT_FOUND: 'That person or the group is no longer available.',
  CONVERSATION_READ_ONLY: 'The group is read-only.',
  CONVERSATION_LOCKED: 'The group is locked.',
};

/** A sentence for the user from an error of `conversations.addParticipant` or `conversations.removeParticipant`. */
export function describeMembershipError(error: unknown): string {
  return (error instanceof ParleyError && SENTENCES[error.code]) || describeError(error);
}
