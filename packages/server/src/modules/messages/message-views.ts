import type { Attachment, Message, Reaction } from '@parley/protocol';
import type { Db } from '../../db/database.js';
import type { AttachmentUrls } from '../attachments/attachment-urls.js';
import { presentAttachment } from '../attachments/attachments.presenter.js';
import { listMessageAttachments } from '../attachments/attachments.repository.js';
import { messagePreview, presentMessage } from './messages.presenter.js';
import { findMessages, type MessageRow } from './messages.repository.js';
import { listReactions } from './reactions.repository.js';

/**
 * Messages as a viewer sees them: with the quoted parent of each reply (or a deleted marker), the origin of each
 * forward, the reactions (`me` for the viewer) and the attachments with freshly signed URLs (issue 6). Four queries
 * for any number of messages.
 */
export class MessageViews {
  constructor(
    private readonly db: Db,
    private readonly urls: AttachmentUrls,
  ) {}

  /** `rows` as `viewerId` sees them, in the same order. `viewerId` null: nobody's own reactions (`me` false), e.g. for a broadcast. */
  async present(rows: MessageRow[], viewerId: string | null): Promise<Message[]> {
    if (rows.length === 0) return [];
    const linkedIds = [...new Set(rows.flatMap((row) => [row.reply_to_id, row.forwarded_from_id].filter((id): id is string => id !== null)))];
    const linked = new Map((await findMessages(this.db, linkedIds)).map((row) => [row.id, row]));
    const ids = rows.map((row) => row.id);
    const reactions = await loadReactions(this.db, ids, viewerId);
    const attachments = await this.loadAttachments(ids);
    return rows.map((row) => {
      const parent = row.reply_to_id ? linked.get(row.reply_to_id) : undefined;
      const original = row.forwarded_from_id ? linked.get(row.forwarded_from_id) : undefined;
      return presentMessage(row, {
        replyTo: parent
          ? { id: parent.id, senderId: parent.sender_id, preview: parent.deleted_at ? '' : messagePreview(parent.text, parent.type), deleted: parent.deleted_at !== null }
          : null,
        forwardedFrom: original ? { messageId: original.id, conversationId: original.conversation_id, senderId: original.sender_id } : null,
        reactions: reactions.get(row.id) ?? [],
        attachments: attachments.get(row.id) ?? [],
      });
    });
  }

  /** One message as `viewerId` sees it (see {@link present}). */
  async presentOne(row: MessageRow, viewerId: string | null): Promise<Message> {
    const [message] = await this.present([row], viewerId);
    if (!message) throw new Error(`message ${row.id} could not be presented`);
    return message;
  }

  private async loadAttachments(messageIds: string[]): Promise<Map<string, Attachment[]>> {
    const byMessage = new Map<string, Attachment[]>();
    for (const row of await listMessageAttachments(this.db, messageIds)) {
      if (row.message_id === null) continue;
      byMessage.set(row.message_id, [...(byMessage.get(row.message_id) ?? []), presentAttachment(row, this.urls)]);
    }
    return byMessage;
  }
}

/** Reactions per message: one entry per emoji, in the order the emoji was first used, users in reacting order. */
async function loadReactions(db: Db, messageIds: string[], viewerId: string | null): Promise<Map<string, Reaction[]>> {
  const rows = await listReactions(db, messageIds);
  const byMessage = new Map<string, Reaction[]>();
  for (const row of rows) {
    const list = byMessage.get(row.message_id) ?? [];
    let reaction = list.find((r) => r.emoji === row.emoji);
    if (!reaction) {
      reaction = { emoji: row.emoji, count: 0, userIds: [], me: false };
      list.push(reaction);
    }
    reaction.count += 1;
    reaction.userIds.push(row.user_id);
    if (row.user_id === viewerId) reaction.me = true;
    byMessage.set(row.message_id, list);
  }
  return byMessage;
}

/** `message` (presented for nobody) as each participant sees it: only `me` on reactions differs. */
export function viewsFor(message: Message, participantIds: string[]): { userId: string; message: Message }[] {
  return participantIds.map((userId) => ({
    userId,
    message: { ...message, reactions: message.reactions.map((reaction) => ({ ...reaction, me: reaction.userIds.includes(userId) })) },
  }));
}
