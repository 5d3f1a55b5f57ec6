import type { HistoryPage, Message, MessageDeletedEvent } from '@parley/protocol';
import type { ConnectionStatus } from '@parley/sdk';
import { create } from 'zustand';
import type { PendingMessage } from '../lib/message-layout.js';
import { emptyThread, mergeBySeq, withChangedMessage, withDeletedMessage, withNewestPage, withPending, withStoredMessage, type ThreadState } from './thread-state.js';

/** Realtime state of the session: the connection, loaded threads, who types, and how far others have read. */
export interface RealtimeState {
  connection: ConnectionStatus;
  /**
   * True once the socket connected at least once in this session: the banner speaks of a *lost* connection,
   * and loaded threads start following the message stream.
   */
  everConnected: boolean;
  /** Loaded threads by conversation id. A conversation absent here has not been loaded. */
  threads: Record<string, ThreadState | undefined>;
  /** conversationId → userId → when their typing indicator expires (ms since the epoch). */
  typing: Record<string, Record<string, number> | undefined>;
  /** conversationId → userId → that participant's `lastReadSeq`, from read events received in this session. */
  reads: Record<string, Record<string, number> | undefined>;
  /** Conversations the caller was removed from (or left) in this session (`conversation:removed`). */
  removed: Record<string, true | undefined>;

  setConnection: (status: ConnectionStatus) => void;
  /** Starts holding a thread (before its newest page is requested, so that own sends meanwhile are kept). */
  openThread: (conversationId: string) => void;
  /** Merges the newest page of a thread into what it holds. */
  loadNewest: (conversationId: string, page: HistoryPage) => void;
  /** Merges an older page (`before`) and records whether more remain. */
  loadOlder: (conversationId: string, page: HistoryPage) => void;
  /** A stored message (from the message stream, or the outbox once sent); ignored for threads not held. */
  receiveMessage: (message: Message, meId: string) => void;
  /** A newer version of a stored message (edited, deleted, reactions changed): replaces the copy held, updates its quotes. */
  changeMessage: (message: Message) => void;
  /** `message:deleted`: the copy held becomes a tombstone; its quotes say it was deleted. */
  deleteMessage: (event: Pick<MessageDeletedEvent, 'conversationId' | 'messageId' | 'deletedAt'>) => void;
  /** Shows an own message not stored yet (`createdAt` now, the first time) or changes its status; ignored for threads not held. */
  putPending: (conversationId: string, pending: Omit<PendingMessage, 'createdAt'>) => void;
  /** Typing on (`expiresAt` in ms since the epoch) or off for one participant. */
  setTyping: (conversationId: string, userId: string, expiresAt: number | null) => void;
  /** Records a participant's read position; it never moves backwards. */
  recordRead: (conversationId: string, userId: string, lastReadSeq: number) => void;
  /** `conversation:removed` marks a conversation removed; `conversation:updated` (added again) clears the mark. */
  setRemoved: (conversationId: string, removed: boolean) => void;
  reset: () => void;
}

const initial = {
  connection: { state: 'disconnected', error: null },
  everConnected: false,
  threads: {},
  typing: {},
  reads: {},
  removed: {},
} satisfies Partial<RealtimeState>;

/** The session's realtime store (zustand). Reset it when a session starts. */
export const useRealtimeStore = create<RealtimeState>()((set) => {
  const updateThread = (conversationId: string, update: (thread: ThreadState) => ThreadState) =>
    set((state) => {
      const thread = state.threads[conversationId];
      return thread ? { threads: { ...state.threads, [conversationId]: update(thread) } } : {};
    });
  return {
    ...initial,
    setConnection: (connection) => set((state) => ({ connection, everConnected: state.everConnected || connection.state === 'connected' })),
    openThread: (conversationId) =>
      set((state) => (state.threads[conversationId] ? {} : { threads: { ...state.threads, [conversationId]: emptyThread() } })),
    loadNewest: (conversationId, page) => updateThread(conversationId, (thread) => withNewestPage(thread, page)),
    loadOlder: (conversationId, page) =>
      updateThread(conversationId, (thread) => ({ ...thread, messages: mergeBySeq(thread.messages, page.items), hasMoreBefore: page.hasMore })),
    receiveMessage: (message, meId) => updateThread(message.conversationId, (thread) => withStoredMessage(thread, message, meId)),
    changeMessage: (message) => updateThread(message.conversationId, (thread) => withChangedMessage(thread, message)),
    deleteMessage: (event) => updateThread(event.conversationId, (thread) => withDeletedMessage(thread, event)),
    putPending: (conversationId, pending) => updateThread(conversationId, (thread) => withPending(thread, pending)),
    setTyping: (conversationId, userId, expiresAt) =>
      set((state) => {
        const current = { ...state.typing[conversationId] };
        if (expiresAt === null) {
          if (!(userId in current)) return {};
          delete current[userId];
        } else {
          current[userId] = expiresAt;
        }
        return { typing: { ...state.typing, [conversationId]: current } };
      }),
    recordRead: (conversationId, userId, lastReadSeq) =>
      set((state) => {
        const current = state.reads[conversationId] ?? {};
        if ((current[userId] ?? 0) >= lastReadSeq) return {};
        return { reads: { ...state.reads, [conversationId]: { ...current, [userId]: lastReadSeq } } };
      }),
    setRemoved: (conversationId, removed) =>
      set((state) => (Boolean(state.removed[conversationId]) === removed ? {} : { removed: { ...state.removed, [conversationId]: removed || undefined } })),
    reset: () => set(initial),
  };
});
