import type { Db } from '../../db/database.js';
import { conflict, notFound } from '../../errors.js';
import { findConversation, findParticipant, type ParticipantRow } from './conversations.repository.js';

/**
 * The caller's participant row in a conversation. Throws `NOT_FOUND` when the conversation does not
 * exist or the caller is not a participant, so outsiders cannot tell the two apart (contract § Conventions).
 */
export async function requireParticipant(db: Db, conversationId: string, userId: string): Promise<ParticipantRow> {
  const participant = await findParticipant(db, conversationId, userId);
  if (!participant) throw notFound('conversation', conversationId);
  return participant;
}

/**
 * The error for writing into a conversation that is not active: `CONVERSATION_LOCKED` when an admin locked it
 * (issue 5, "Admin endpoints"), else `CONVERSATION_READ_ONLY` (its project was closed, or an admin archived it).
 */
export function notWritable(status: string | undefined): Error {
  return status === 'locked'
    ? conflict('CONVERSATION_LOCKED', 'An admin locked this conversation')
    : conflict('CONVERSATION_READ_ONLY', 'This conversation is read-only');
}

/** Throws {@link notWritable}'s error unless the conversation is active. */
export async function requireWritable(db: Db, conversationId: string): Promise<void> {
  const conversation = await findConversation(db, conversationId);
  if (conversation?.status !== 'active') throw notWritable(conversation?.status);
}
