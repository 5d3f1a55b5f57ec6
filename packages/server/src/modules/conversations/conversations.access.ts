import type { Db } from '../../db/database.js';
import { notFound } from '../../errors.js';
import { findParticipant, type ParticipantRow } from './conversations.repository.js';

/**
 * The caller's participant row in a conversation. Throws `NOT_FOUND` when the conversation does not
 * exist or the caller is not a participant, so outsiders cannot tell the two apart (contract § Conventions).
 */
export async function requireParticipant(db: Db, conversationId: string, userId: string): Promise<ParticipantRow> {
  const participant = await findParticipant(db, conversationId, userId);
  if (!participant) throw notFound('conversation', conversationId);
  return participant;
}
