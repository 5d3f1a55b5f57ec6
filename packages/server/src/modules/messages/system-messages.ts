import type { Db } from '../../db/database.js';
import { appendMessage } from './messages.service.js';
import type { MessageRow } from './messages.repository.js';

/**
 * Appends a `system` message (written by the server: no sender, no idempotency key; issue 5, "Types") inside the
 * caller's transaction, under the conversation's next `seq`, whatever the conversation's status: system messages
 * record project creation, membership and status changes, including the change that closes the conversation.
 */
export function appendSystemMessage(trx: Db, conversationId: string, text: string, at: string): Promise<MessageRow> {
  return appendMessage(trx, { conversation_id: conversationId, sender_id: null, type: 'system', text, client_id: null, reply_to_id: null }, at, { whileClosed: true });
}
