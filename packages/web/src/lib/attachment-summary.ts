import type { Attachment, MessageType } from '@parley/protocol';

/** Whether an audio attachment is a voice note recorded in the composer (`voice-note-<time>.webm`). */
export function isVoiceNote(attachment: Pick<Attachment, 'kind' | 'name'>): boolean {
  return attachment.kind === 'audio' && attachment.name.startsWith('voice-note-');
}

function counted(count: number, one: string, many: string): string {
  return count === 1 ? one : `${count} ${many}`;
}

/**
 * What a message's attachments are, in a few words, for the previews the app makes of a message without text that it
 * holds whole (reply being written, dialogs, quotes updated live): "📷 Photo", "📷 3 photos", "🎥 Video",
 * "🎤 Voice note", "🎤 Audio", "📎 report.pdf", "📎 2 files" (mixed kinds count as files), with the server's emoji
 * ({@link attachmentTypeSummary}). '' without attachments.
 */
export function attachmentSummary(attachments: readonly Pick<Attachment, 'kind' | 'name'>[]): string {
  const [first] = attachments;
  if (!first) return '';
  const count = attachments.length;
  const kind = attachments.every((attachment) => attachment.kind === first.kind) ? first.kind : 'file';
  if (kind === 'image') return `📷 ${counted(count, 'Photo', 'photos')}`;
  if (kind === 'video') return `🎥 ${counted(count, 'Video', 'videos')}`;
  if (kind === 'audio') return count === 1 && isVoiceNote(first) ? '🎤 Voice note' : `🎤 ${counted(count, 'Audio', 'audio files')}`;
  return count === 1 ? `📎 ${first.name}` : `📎 ${count} files`;
}

/** The server's labels of file messages without a caption, by type (server `messages.presenter.ts`, `FILE_LABELS`). */
const TYPE_LABELS: Partial<Record<MessageType, string>> = { image: '📷 Photo', video: '🎥 Video', audio: '🎤 Audio', file: '📎 File' };

/**
 * How the server previews a file message without a caption in `lastMessage.preview` and notifications (docs/api.md):
 * "📷 Photo", "🎥 Video", "🎤 Audio", "📎 File" by its type; '' for other types.
 */
export function attachmentTypeSummary(type: MessageType): string {
  return TYPE_LABELS[type] ?? '';
}

/** The text of an own message being sent with `count` files and no caption (its kinds are not known yet): "📎 1 file", "📎 3 files". */
export function sendingFilesText(count: number): string {
  return count === 1 ? '📎 1 file' : `📎 ${count} files`;
}
