import type { HistoryPage, Message, MessageDeletedEvent, ReplyPreview } from '@parley/protocol';
import type { PendingMessage } from '../lib/message-layout.js';
import { previewText } from '../lib/message-preview.js';

/** What the app holds of one conversation's history. */
export interface ThreadState {
  /** Stored messages in ascending `seq`, one per `seq` (keyed by seq: no duplicate, and pages meet without a gap). */
  messages: Message[];
  /** Optimistic messages of the signed-in user not yet stored, oldest first. */
  pending: PendingMessage[];
  /** False until the newest page arrived; own messages stored meanwhile are kept and merged with it. */
  loaded: boolean;
  /** True while older messages remain on the server (the last `before` page said `hasMore`). */
  hasMoreBefore: boolean;
}

/** A thread whose newest page is on its way. */
export function emptyThread(): ThreadState {
  return { messages: [], pending: [], loaded: false, hasMoreBefore: false };
}

/**
 * The thread once its newest page arrived, merged with what it already held (own messages stored while the page
 * was on its way). What was stored after the page was read comes from the SDK's message stream, which the app
 * tracks from {@link contiguousSeq} once the page is in.
 */
export function withNewestPage(thread: ThreadState, page: HistoryPage): ThreadState {
  return { ...thread, messages: mergeBySeq(thread.messages, page.items), loaded: true, hasMoreBefore: page.hasMore };
}

/** The highest stored `seq`, 0 for an empty thread. */
export function newestSeq(thread: ThreadState): number {
  return thread.messages.at(-1)?.seq ?? 0;
}

/** The highest `seq` held with no gap below it (down to the oldest held): where the message stream takes over. */
export function contiguousSeq(thread: ThreadState): number {
  const { messages } = thread;
  for (let index = 0; index < messages.length - 1; index += 1) {
    const current = messages[index];
    const next = messages[index + 1];
    if (current && next && next.seq !== current.seq + 1) return current.seq;
  }
  return newestSeq(thread);
}

/**
 * Merges messages into an ascending, seq-unique list. A message already held is replaced by the incoming
 * copy (an edit or a deletion carries the same seq). Appending in order, the common case, costs no sort.
 */
export function mergeBySeq(existing: readonly Message[], incoming: readonly Message[]): Message[] {
  if (incoming.length === 0) return [...existing];
  const last = existing.at(-1);
  const first = incoming[0];
  if (first && (!last || first.seq > last.seq) && isAscending(incoming)) return [...existing, ...incoming];
  const bySeq = new Map<number, Message>();
  for (const message of existing) bySeq.set(message.seq, message);
  for (const message of incoming) bySeq.set(message.seq, message);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

function isAscending(messages: readonly Message[]): boolean {
  return messages.every((message, index) => index === 0 || (messages[index - 1]?.seq ?? -Infinity) < message.seq);
}

/**
 * The thread after a stored `message` arrived (from the message stream, or the outbox once sent): merged by seq,
 * its pending copy (same `clientId`) gone. Either may come first; the second changes nothing.
 */
export function withStoredMessage(thread: ThreadState, message: Message, meId: string): ThreadState {
  const pending =
    message.clientId !== null && message.senderId === meId
      ? thread.pending.filter((item) => item.clientId !== message.clientId)
      : thread.pending;
  return { ...thread, messages: mergeBySeq(thread.messages, [message]), pending };
}

/** The thread with an own unsent message shown (as sent at `createdAt` now, the first time) or its status changed. */
export function withPending(thread: ThreadState, pending: Omit<PendingMessage, 'createdAt'>): ThreadState {
  if (!thread.pending.some((item) => item.clientId === pending.clientId)) {
    return { ...thread, pending: [...thread.pending, { ...pending, createdAt: new Date().toISOString() }] };
  }
  return { ...thread, pending: thread.pending.map((item) => (item.clientId === pending.clientId ? { ...item, status: pending.status } : item)) };
}

/**
 * The thread with a newer version of a message (edited, deleted, its reactions changed; from `message:updated`,
 * `message:reaction`, the change stream or an action's answer): the copy held is replaced, and the replies quoting it
 * show its new preview (or that it was deleted). A message not held (older than the pages loaded) is not added, so
 * the thread never gains a lone message above a gap.
 */
export function withChangedMessage(thread: ThreadState, message: Message): ThreadState {
  // A deletion is final: a late copy from before it (an action's answer overtaken by the event) does not undo it.
  const messages = thread.messages.map((held) => (held.id !== message.id || (held.deletedAt !== null && message.deletedAt === null) ? held : message));
  const deleted = message.deletedAt !== null;
  return { ...thread, messages: requote(messages, message.id, { preview: deleted ? '' : previewText(message.text), deleted }) };
}

/** The thread after `message:deleted`: the copy held becomes a tombstone (no text, no reactions), and its quotes say so. */
export function withDeletedMessage(thread: ThreadState, event: Pick<MessageDeletedEvent, 'messageId' | 'deletedAt'>): ThreadState {
  const held = thread.messages.find((message) => message.id === event.messageId);
  if (held) return withChangedMessage(thread, { ...held, text: '', reactions: [], deletedAt: event.deletedAt });
  return { ...thread, messages: requote(thread.messages, event.messageId, { preview: '', deleted: true }) };
}

/** `messages` with the reply quotes of message `quotedId` showing `quote` (protocol `ReplyPreviewSchema`). */
function requote(messages: Message[], quotedId: string, quote: Pick<ReplyPreview, 'preview' | 'deleted'>): Message[] {
  if (!messages.some((message) => message.replyTo?.id === quotedId)) return messages;
  return messages.map((message) => (message.replyTo?.id === quotedId ? { ...message, replyTo: { ...message.replyTo, ...quote } } : message));
}
