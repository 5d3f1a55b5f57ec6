import type { HistoryPage, Message } from '@parley/protocol';
import type { ConnectionStatus } from '@parley/sdk';
import { create } from 'zustand';
import type { PendingMessage } from '../lib/message-layout.js';
import { emptyThread, mergeBySeq, withNewestPage, withStoredMessage, type ThreadState } from './thread-state.js';

/** Realtime state of the session: the connection, loaded threads, who types, and how far others have read. */
export interface RealtimeState {
  connection: ConnectionStatus;
  /** True once the socket connected at least once in this session (the banner speaks of a *lost* connection). */
  everConnected: boolean;
  /** Counts reconnections after a loss; effects that refetch missed data depend on it. */
  reconnects: number;
  /** Loaded threads by conversation id. A conversation absent here has not been loaded. */
  threads: Record<string, ThreadState | undefined>;
  /** conversationId → userId → when their typing indicator expires (ms since the epoch). */
  typing: Record<string, Record<string, number> | undefined>;
  /** conversationId → userId → that participant's `lastReadSeq`, from read events received in this session. */
  reads: Record<string, Record<string, number> | undefined>;

  setConnection: (status: ConnectionStatus) => void;
  /** Starts holding a thread (before its newest page is requested, so that live messages are kept). */
  openThread: (conversationId: string) => void;
  /** Merges the newest page of a thread into what it holds. */
  loadNewest: (conversationId: string, page: HistoryPage) => void;
  /** Merges an older page (`before`) and records whether more remain. */
  loadOlder: (conversationId: string, page: HistoryPage) => void;
  /** Merges a newer page (`after`, catch-up); `complete` clears the stale mark once `hasMore` is false. */
  loadNewer: (conversationId: string, page: HistoryPage, complete: boolean) => void;
  /** A stored message (live `message:new` or a send's answer); ignored for threads not held. */
  receiveMessage: (message: Message, meId: string) => void;
  addPending: (conversationId: string, pending: PendingMessage) => void;
  setPendingStatus: (conversationId: string, clientId: string, status: PendingMessage['status']) => void;
  /** Typing on (`expiresAt` in ms since the epoch) or off for one participant. */
  setTyping: (conversationId: string, userId: string, expiresAt: number | null) => void;
  /** Records a participant's read position; it never moves backwards. */
  recordRead: (conversationId: string, userId: string, lastReadSeq: number) => void;
  /** Marks every loaded thread stale (after a reconnection): each catches up with `after` when shown. */
  markThreadsStale: () => void;
  reset: () => void;
}

const initial = {
  connection: { state: 'disconnected', error: null },
  everConnected: false,
  reconnects: 0,
  threads: {},
  typing: {},
  reads: {},
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
    setConnection: (connection) =>
      set((state) => {
        const connected = connection.state === 'connected';
        const reconnected = connected && state.everConnected && state.connection.state !== 'connected';
        return { connection, everConnected: state.everConnected || connected, reconnects: state.reconnects + (reconnected ? 1 : 0) };
      }),
    openThread: (conversationId) =>
      set((state) => (state.threads[conversationId] ? {} : { threads: { ...state.threads, [conversationId]: emptyThread() } })),
    loadNewest: (conversationId, page) => updateThread(conversationId, (thread) => withNewestPage(thread, page)),
    loadOlder: (conversationId, page) =>
      updateThread(conversationId, (thread) => ({ ...thread, messages: mergeBySeq(thread.messages, page.items), hasMoreBefore: page.hasMore })),
    loadNewer: (conversationId, page, complete) =>
      updateThread(conversationId, (thread) => ({
        ...thread,
        messages: mergeBySeq(thread.messages, page.items),
        pending: thread.pending.filter((item) => !page.items.some((message) => message.clientId === item.clientId)),
        stale: complete ? false : thread.stale,
      })),
    receiveMessage: (message, meId) => updateThread(message.conversationId, (thread) => withStoredMessage(thread, message, meId)),
    addPending: (conversationId, pending) => updateThread(conversationId, (thread) => ({ ...thread, pending: [...thread.pending, pending] })),
    setPendingStatus: (conversationId, clientId, status) =>
      updateThread(conversationId, (thread) => ({
        ...thread,
        pending: thread.pending.map((item) => (item.clientId === clientId ? { ...item, status } : item)),
      })),
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
    markThreadsStale: () =>
      set((state) => ({
        threads: Object.fromEntries(Object.entries(state.threads).map(([id, thread]) => [id, thread && { ...thread, stale: true }])),
      })),
    reset: () => set(initial),
  };
});
