import type { Message, Reaction } from '@parley/protocol';
import type { Db } from '../../db/database.js';
import { presentMessage, previewText } from './messages.presenter.js';
import type { MessageRow } from './messages.repository.js';

/**
 * Messages as `viewerId` sees them: with the quoted parent of each reply (or a deleted marker), the origin
 * of each forward and the reactions (`me` for the viewer). Three queries for any number of messages.
 * `viewerId` null: nobody's own reactions (`me` false), e.g. for a broadcast of a new message.
 */
export async function presentMessages(db: Db, rows: MessageRow[], viewerId: string | null): Promise<Message[]> {
  if (rows.length === 0) return [];
  const linkedIds = [...new Set(rows.flatMap((row) => [row.reply_to_id, row.forwarded_from_id].filter((id): id is string => id !== null)))];
  const linked = new Map<string, MessageRow>();
  if (linkedIds.length > 0) {
    for (const row of await db.selectFrom('messages').selectAll().where('id', 'in', linkedIds).execute()) linked.set(row.id, row);
  }
  const reactions = await loadReactions(
    db,
    rows.map((row) => row.id),
    viewerId,
  );
  return rows.map((row) => {
    const parent = row.reply_to_id ? linked.get(row.reply_to_id) : undefined;
    const original = row.forwarded_from_id ? linked.get(row.forwarded_from_id) : undefined;
    return presentMessage(row, {
      replyTo: parent
        ? { id: parent.id, senderId: parent.sender_id, preview: parent.deleted_at ? '' : previewText(parent.text), deleted: parent.deleted_at !== null }
        : null,
      forwardedFrom: original ? { messageId: original.id, conversationId: original.conversation_id, senderId: original.sender_id } : null,
      reactions: reactions.get(row.id) ?? [],
    });
  });
}

/** One message as `viewerId` sees it (see {@link presentMessages}). */
export async function presentMessageFor(db: Db, row: MessageRow, viewerId: string | null): Promise<Message> {
  const [message] = await presentMessages(db, [row], viewerId);
  if (!message) throw new Error(`message ${row.id} could not be presented`);
  return message;
}

/** Reactions per message: one entry per emoji, in the order the emoji was first used, users in reacting order. */
async function loadReactions(db: Db, messageIds: string[], viewerId: string | null): Promise<Map<string, Reaction[]>> {
  const rows = await db
    .selectFrom('message_reactions')
    .select(['message_id', 'user_id', 'emoji'])
    .where('message_id', 'in', messageIds)
    .orderBy('created_at')
    .orderBy('user_id')
    .execute();
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
