import type { Message } from '@parley/protocol';
import { attachmentSummary, attachmentTypeSummary } from './attachment-summary.js';

/** Longest preview of a message's text, in code points (protocol `LastMessageSchema`, `ReplyPreviewSchema`). */
export const PREVIEW_LENGTH = 100;

/**
 * A message's text as the server previews it (inbox line, reply quote): cut to {@link PREVIEW_LENGTH} code points,
 * ending with `…` when cut. A deleted message's text is '' and so is its preview.
 */
export function previewText(text: string): string {
  const points = [...text];
  return points.length <= PREVIEW_LENGTH ? text : `${points.slice(0, PREVIEW_LENGTH - 1).join('')}…`;
}

/**
 * A message's preview as the app shows it: its text cut as {@link previewText}, or, for a message without text, what its
 * attachments are ({@link attachmentSummary}: "📷 Photo", "📎 2 files", "🎤 Voice note", …).
 */
export function messagePreview(message: Pick<Message, 'text' | 'attachments'>): string {
  return message.text ? previewText(message.text) : attachmentSummary(message.attachments);
}

/**
 * A new message's inbox line exactly as the server computes `lastMessage.preview`, so a refetch changes nothing: its
 * text cut as {@link previewText}, or for files without a caption the label of its type ("📷 Photo", "📎 File", …).
 */
export function lastMessagePreview(message: Pick<Message, 'text' | 'type'>): string {
  return message.text ? previewText(message.text) : attachmentTypeSummary(message.type);
}
