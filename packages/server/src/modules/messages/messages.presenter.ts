import type { Message } from '@parley/protocol';
import type { MessageRow } from './messages.repository.js';

/** messages row → the contract's `Message`. */
export function presentMessage(row: MessageRow): Message {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    seq: row.seq,
    senderId: row.sender_id,
    type: row.type,
    text: row.text,
    createdAt: row.created_at,
    editedAt: row.edited_at,
    deletedAt: row.deleted_at,
    clientId: row.client_id,
    replyToId: row.reply_to_id,
    attachments: [],
    reactions: [],
    mentions: [],
  };
}

/** Longest `lastMessage.preview`, in code points. */
const PREVIEW_LENGTH = 100;

/** A message's text cut to {@link PREVIEW_LENGTH} code points, with an ellipsis when cut. */
export function previewText(text: string): string {
  const points = [...text];
  return points.length <= PREVIEW_LENGTH ? text : `${points.slice(0, PREVIEW_LENGTH - 1).join('')}…`;
}
