import type { ServerToClientEvents } from '@parley/protocol';
import type { ConnectionStatus } from '@parley/sdk';
import { vi } from 'vitest';
import type { ParleyApi } from '../../src/api/parley-api.js';

type EventName = keyof ServerToClientEvents;
type Payload<E extends EventName> = Parameters<ServerToClientEvents[E]>[0];

/** A fake SDK client: every method a `vi.fn` (rejecting until a test gives it an answer), events emitted by hand. */
export interface FakeApi {
  api: ParleyApi;
  conversationsList: ReturnType<typeof vi.fn<ParleyApi['conversations']['list']>>;
  conversationsGet: ReturnType<typeof vi.fn<ParleyApi['conversations']['get']>>;
  conversationsUpdateSettings: ReturnType<typeof vi.fn<ParleyApi['conversations']['updateSettings']>>;
  notificationsList: ReturnType<typeof vi.fn<ParleyApi['notifications']['list']>>;
  notificationsMarkRead: ReturnType<typeof vi.fn<ParleyApi['notifications']['markRead']>>;
  projectsGet: ReturnType<typeof vi.fn<ParleyApi['projects']['get']>>;
  messagesList: ReturnType<typeof vi.fn<ParleyApi['messages']['list']>>;
  messagesSend: ReturnType<typeof vi.fn<ParleyApi['messages']['send']>>;
  liveSend: ReturnType<typeof vi.fn<ParleyApi['live']['send']>>;
  liveTyping: ReturnType<typeof vi.fn<ParleyApi['live']['typing']>>;
  liveMarkRead: ReturnType<typeof vi.fn<ParleyApi['live']['markRead']>>;
  /** Delivers a server event to the listeners registered through `api.on`. */
  emit: <E extends EventName>(event: E, payload: Payload<E>) => void;
  /** Reports a connection status to `api.realtime.onStatus` listeners. */
  setStatus: (status: ConnectionStatus) => void;
}

const notAnswered = () => Promise.reject(new Error('the test gave no answer'));

/** Builds a {@link FakeApi}; no network is involved. */
export function createFakeApi(): FakeApi {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const statusListeners = new Set<(status: ConnectionStatus) => void>();
  let status: ConnectionStatus = { state: 'connected', error: null };
  const fake = {
    conversationsList: vi.fn<ParleyApi['conversations']['list']>(notAnswered),
    conversationsGet: vi.fn<ParleyApi['conversations']['get']>(notAnswered),
    conversationsUpdateSettings: vi.fn<ParleyApi['conversations']['updateSettings']>(notAnswered),
    notificationsList: vi.fn<ParleyApi['notifications']['list']>(notAnswered),
    notificationsMarkRead: vi.fn<ParleyApi['notifications']['markRead']>(() => Promise.resolve({ updated: 1 })),
    projectsGet: vi.fn<ParleyApi['projects']['get']>(notAnswered),
    messagesList: vi.fn<ParleyApi['messages']['list']>(notAnswered),
    messagesSend: vi.fn<ParleyApi['messages']['send']>(notAnswered),
    liveSend: vi.fn<ParleyApi['live']['send']>(notAnswered),
    liveTyping: vi.fn<ParleyApi['live']['typing']>(() => Promise.resolve()),
    liveMarkRead: vi.fn<ParleyApi['live']['markRead']>((_id, seq) => Promise.resolve({ lastReadSeq: seq, unreadCount: 0 })),
  };
  const api: ParleyApi = {
    me: vi.fn<ParleyApi['me']>(notAnswered),
    projects: { get: fake.projectsGet },
    conversations: { list: fake.conversationsList, get: fake.conversationsGet, updateSettings: fake.conversationsUpdateSettings },
    notifications: { list: fake.notificationsList, markRead: fake.notificationsMarkRead },
    messages: { list: fake.messagesList, send: fake.messagesSend },
    reads: { markRead: vi.fn<ParleyApi['reads']['markRead']>((_id, seq) => Promise.resolve({ lastReadSeq: seq, unreadCount: 0 })) },
    live: {
      join: vi.fn<ParleyApi['live']['join']>(notAnswered),
      leave: vi.fn<ParleyApi['live']['leave']>(() => Promise.resolve()),
      typing: fake.liveTyping,
      send: fake.liveSend,
      markRead: fake.liveMarkRead,
    },
    realtime: {
      connect: () => undefined,
      disconnect: () => undefined,
      getStatus: () => status,
      onStatus: (listener) => {
        statusListeners.add(listener);
        return () => statusListeners.delete(listener);
      },
    },
    on: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
  return {
    ...fake,
    api,
    emit: (event, payload) => {
      // Each listener was registered for this event name, so it takes this event's payload.
      for (const listener of listeners.get(event) ?? []) (listener as (payload: Payload<typeof event>) => void)(payload);
    },
    setStatus: (next) => {
      status = next;
      for (const listener of statusListeners) listener(next);
    },
  };
}
