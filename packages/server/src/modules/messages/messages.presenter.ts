import { ContactSchema, LocationSchema, type Attachment, type ForwardedFrom, type Message, type MessageType, type Reaction, type ReplyPreview } from '@parley/protocol';
import type { z } from 'zod';
import type { MessageRow } from './messages.repository.js';

/** What a message shows beyond its own row; loaded by `message-views.ts`. */
export interface MessageExtras {
  replyTo: ReplyPreview | null;
  forwardedFrom: ForwardedFrom | null;
  reactions: Reaction[];
  attachments: Attachment[];
}

const NO_EXTRAS: MessageExtras = { replyTo: null, forwardedFrom: null, reactions: [], attachments: [] };

/**
 * messages row → the contract's `Message`. A deleted message is a tombstone: no text, no reactions, no attachments
 * (issue 5, "Delete"). Without `extras`, no reply quote, forward origin or reactions (a new message has none
 * that need loading except its reply quote, which `message-views.ts` adds).
 */
export function presentMessage(row: MessageRow, extras: MessageExtras = NO_EXTRAS): Message {
  const deleted = row.deleted_at !== null;
  return {
    id: row.id,
    conversationId: row.conversation_id,
    seq: row.seq,
    senderId: row.sender_id,
    type: row.type,
    text: deleted ? '' : row.text,
    createdAt: row.created_at,
    editedAt: row.edited_at,
    deletedAt: row.deleted_at,
    clientId: row.client_id,
    replyToId: row.reply_to_id,
    replyTo: extras.replyTo,
    forwardedFrom: extras.forwardedFrom,
    location: !deleted && row.type === 'location' ? parsePayload(row.payload, LocationSchema) : null,
    contact: !deleted && row.type === 'contact' ? parsePayload(row.payload, ContactSchema) : null,
    attachments: deleted ? [] : extras.attachments,
    reactions: deleted ? [] : extras.reactions,
    mentions: deleted ? [] : parseMentions(row.mentions),
  };
}

/** Longest `lastMessage.preview`, in code points. */
const PREVIEW_LENGTH = 100;

/** What a list shows for a file message without a caption (issue 6). */
const FILE_LABELS: Partial<Record<MessageType, string>> = { image: '📷 Photo', video: '🎥 Video', audio: '🎤 Audio', file: '📎 File' };

/** A message's preview for lists and notifications: its text ({@link previewText}), or for a file message without caption, a label. */
export function messagePreview(text: string, type: MessageType): string {
  return text === '' ? (FILE_LABELS[type] ?? '') : previewText(text);
}

/** A message's text cut to {@link PREVIEW_LENGTH} code points, with an ellipsis when cut. */
export function previewText(text: string): string {
  const points = [...text];
  return points.length <= PREVIEW_LENGTH ? text : `${points.slice(0, PREVIEW_LENGTH - 1).join('')}…`;
}

/** The stored `mentions` column (a JSON array of user ids) as a list; anything else as none. */
function parseMentions(stored: string): string[] {
  try {
    const value: unknown = JSON.parse(stored);
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

/** A stored `payload` (JSON) checked against its schema; null when missing or not what the schema says. */
function parsePayload<S extends z.ZodType>(stored: string | null, schema: S): z.output<S> | null {
  if (stored === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
