import type { HistoryPage, Message, ServerToClientEvents } from '@parley/protocol';
import { MessageStream, Outbox, type ConnectionStatus, type ParleyClient, type Realtime } from '@parley/sdk';
import { vi } from 'vitest';
import type { ParleyApi } from '../../src/api/parley-api.js';

type EventName = keyof ServerToClientEvents;
type Payload<E extends EventName> = Parameters<ServerToClientEvents[E]>[0];

/**
 * A fake SDK client: every method a `vi.fn` (rejecting until a test gives it an answer), events emitted by hand.
 * `outbox` and `stream` are the SDK's real `Outbox` and `MessageStream` on top of these fakes, wired as
 * `ParleyClient` wires them: the outbox sends with `live.send` while the status is `connected`, else `messages.send`,
 * and tries twice at once before failing; the stream hears `message:new` and the status, and reads `messages.list`.
 */
export interface FakeApi {
  api: ParleyApi;
  conversationsList: ReturnType<typeof vi.fn<ParleyApi['conversations']['list']>>;
  conversationsGet: ReturnType<typeof vi.fn<ParleyApi['conversations']['get']>>;
  conversationsUpdateSettings: ReturnType<typeof vi.fn<ParleyApi['conversations']['updateSettings']>>;
  conversationsCreateGroup: ReturnType<typeof vi.fn<ParleyApi['conversations']['createGroup']>>;
  conversationsAddParticipant: ReturnType<typeof vi.fn<ParleyApi['conversations']['addParticipant']>>;
  conversationsRemoveParticipant: ReturnType<typeof vi.fn<ParleyApi['conversations']['removeParticipant']>>;
  notificationsList: ReturnType<typeof vi.fn<ParleyApi['notifications']['list']>>;
  notificationsMarkRead: ReturnType<typeof vi.fn<ParleyApi['notifications']['markRead']>>;
  projectsGet: ReturnType<typeof vi.fn<ParleyApi['projects']['get']>>;
  messagesList: ReturnType<typeof vi.fn<ParleyApi['messages']['list']>>;
  messagesEdit: ReturnType<typeof vi.fn<ParleyApi['messages']['edit']>>;
  messagesDelete: ReturnType<typeof vi.fn<ParleyApi['messages']['delete']>>;
  messagesForward: ReturnType<typeof vi.fn<ParleyApi['messages']['forward']>>;
  messagesReact: ReturnType<typeof vi.fn<ParleyApi['messages']['react']>>;
  messagesUnreact: ReturnType<typeof vi.fn<ParleyApi['messages']['unreact']>>;
  messagesPins: ReturnType<typeof vi.fn<ParleyApi['messages']['pins']>>;
  messagesPin: ReturnType<typeof vi.fn<ParleyApi['messages']['pin']>>;
  messagesSearch: ReturnType<typeof vi.fn<ParleyApi['messages']['search']>>;
  messagesEdits: ReturnType<typeof vi.fn<ParleyApi['messages']['edits']>>;
  reportsCreate: ReturnType<typeof vi.fn<ParleyApi['reports']['create']>>;
  adminReports: ReturnType<typeof vi.fn<ParleyApi['admin']['reports']>>;
  adminResolveReport: ReturnType<typeof vi.fn<ParleyApi['admin']['resolveReport']>>;
  adminConversations: ReturnType<typeof vi.fn<ParleyApi['admin']['conversations']>>;
  adminConversation: ReturnType<typeof vi.fn<ParleyApi['admin']['conversation']>>;
  adminSetConversationStatus: ReturnType<typeof vi.fn<ParleyApi['admin']['setConversationStatus']>>;
  adminParticipants: ReturnType<typeof vi.fn<ParleyApi['admin']['participants']>>;
  adminMessages: ReturnType<typeof vi.fn<ParleyApi['admin']['messages']>>;
  adminAudit: ReturnType<typeof vi.fn<ParleyApi['admin']['audit']>>;
  attachmentsUpload: ReturnType<typeof vi.fn<ParleyApi['attachments']['upload']>>;
  attachmentsMeta: ReturnType<typeof vi.fn<ParleyApi['attachments']['meta']>>;
  /** A project's meetings; answers none until a test says otherwise. */
  meetingsList: ReturnType<typeof vi.fn<ParleyApi['meetings']['list']>>;
  meetingsCreate: ReturnType<typeof vi.fn<ParleyApi['meetings']['create']>>;
  meetingsGet: ReturnType<typeof vi.fn<ParleyApi['meetings']['get']>>;
  meetingsAct: ReturnType<typeof vi.fn<ParleyApi['meetings']['act']>>;
  meetingsToken: ReturnType<typeof vi.fn<ParleyApi['meetings']['token']>>;
  /** `meeting:accept` / `meeting:decline` (and start, end) over the socket. */
  liveMeeting: ReturnType<typeof vi.fn<ParleyApi['live']['meeting']>>;
  /** The outbox's REST transport (`ParleyClient.messages.send`). */
  messagesSend: ReturnType<typeof vi.fn<ParleyClient['messages']['send']>>;
  liveSend: ReturnType<typeof vi.fn<ParleyApi['live']['send']>>;
  liveTyping: ReturnType<typeof vi.fn<ParleyApi['live']['typing']>>;
  liveMarkRead: ReturnType<typeof vi.fn<ParleyApi['live']['markRead']>>;
  /** Delivers a server event to the listeners registered through `api.on`. */
  emit: <E extends EventName>(event: E, payload: Payload<E>) => void;
  /** Reports a connection status to `api.realtime.onStatus` listeners. */
  setStatus: (status: ConnectionStatus) => void;
  /** The messages the fake server holds, once {@link serve} made `messages.list` answer from them. */
  server: Message[];
  /** Makes `messages.list` answer from {@link server} (holding `messages`) as the server does. */
  serve: (messages: readonly Message[]) => void;
  /** Stores `message` on the fake server, then pushes `message:new`, as the server does after its commit. */
  arrive: (message: Message) => void;
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
    conversationsCreateGroup: vi.fn<ParleyApi['conversations']['createGroup']>(notAnswered),
    conversationsAddParticipant: vi.fn<ParleyApi['conversations']['addParticipant']>(notAnswered),
    conversationsRemoveParticipant: vi.fn<ParleyApi['conversations']['removeParticipant']>(notAnswered),
    notificationsList: vi.fn<ParleyApi['notifications']['list']>(notAnswered),
    notificationsMarkRead: vi.fn<ParleyApi['notifications']['markRead']>(() => Promise.resolve({ updated: 1 })),
    projectsGet: vi.fn<ParleyApi['projects']['get']>(notAnswered),
    messagesList: vi.fn<ParleyApi['messages']['list']>(notAnswered),
    messagesEdit: vi.fn<ParleyApi['messages']['edit']>(notAnswered),
    messagesDelete: vi.fn<ParleyApi['messages']['delete']>(notAnswered),
    messagesForward: vi.fn<ParleyApi['messages']['forward']>(notAnswered),
    messagesReact: vi.fn<ParleyApi['messages']['react']>(notAnswered),
    messagesUnreact: vi.fn<ParleyApi['messages']['unreact']>(notAnswered),
    messagesPins: vi.fn<ParleyApi['messages']['pins']>(() => Promise.resolve({ items: [] })),
    messagesPin: vi.fn<ParleyApi['messages']['pin']>(notAnswered),
    messagesSearch: vi.fn<ParleyApi['messages']['search']>(notAnswered),
    messagesEdits: vi.fn<ParleyApi['messages']['edits']>(notAnswered),
    reportsCreate: vi.fn<ParleyApi['reports']['create']>(notAnswered),
    adminReports: vi.fn<ParleyApi['admin']['reports']>(notAnswered),
    adminResolveReport: vi.fn<ParleyApi['admin']['resolveReport']>(notAnswered),
    adminConversations: vi.fn<ParleyApi['admin']['conversations']>(notAnswered),
    adminConversation: vi.fn<ParleyApi['admin']['conversation']>(notAnswered),
    adminSetConversationStatus: vi.fn<ParleyApi['admin']['setConversationStatus']>(notAnswered),
    adminParticipants: vi.fn<ParleyApi['admin']['participants']>(notAnswered),
    adminMessages: vi.fn<ParleyApi['admin']['messages']>(notAnswered),
    adminAudit: vi.fn<ParleyApi['admin']['audit']>(notAnswered),
    attachmentsUpload: vi.fn<ParleyApi['attachments']['upload']>(notAnswered),
    attachmentsMeta: vi.fn<ParleyApi['attachments']['meta']>(notAnswered),
    meetingsList: vi.fn<ParleyApi['meetings']['list']>(() => Promise.resolve([])),
    meetingsCreate: vi.fn<ParleyApi['meetings']['create']>(notAnswered),
    meetingsGet: vi.fn<ParleyApi['meetings']['get']>(notAnswered),
    meetingsAct: vi.fn<ParleyApi['meetings']['act']>(notAnswered),
    meetingsToken: vi.fn<ParleyApi['meetings']['token']>(notAnswered),
    liveMeeting: vi.fn<ParleyApi['live']['meeting']>(notAnswered),
    messagesSend: vi.fn<ParleyClient['messages']['send']>(notAnswered),
    liveSend: vi.fn<ParleyApi['live']['send']>(notAnswered),
    liveTyping: vi.fn<ParleyApi['live']['typing']>(() => Promise.resolve()),
    liveMarkRead: vi.fn<ParleyApi['live']['markRead']>((_id, seq) => Promise.resolve({ lastReadSeq: seq, unreadCount: 0 })),
  };
  const api: Omit<ParleyApi, 'outbox' | 'stream'> = {
    me: vi.fn<ParleyApi['me']>(notAnswered),
    projects: { get: fake.projectsGet },
    conversations: {
      list: fake.conversationsList,
      get: fake.conversationsGet,
      updateSettings: fake.conversationsUpdateSettings,
      createGroup: fake.conversationsCreateGroup,
      addParticipant: fake.conversationsAddParticipant,
      removeParticipant: fake.conversationsRemoveParticipant,
    },
    notifications: { list: fake.notificationsList, markRead: fake.notificationsMarkRead },
    messages: {
      list: fake.messagesList,
      edit: fake.messagesEdit,
      delete: fake.messagesDelete,
      forward: fake.messagesForward,
      react: fake.messagesReact,
      unreact: fake.messagesUnreact,
      pins: fake.messagesPins,
      pin: fake.messagesPin,
      search: fake.messagesSearch,
      edits: fake.messagesEdits,
    },
    reports: { create: fake.reportsCreate },
    admin: {
      reports: fake.adminReports,
      resolveReport: fake.adminResolveReport,
      conversations: fake.adminConversations,
      conversation: fake.adminConversation,
      setConversationStatus: fake.adminSetConversationStatus,
      participants: fake.adminParticipants,
      messages: fake.adminMessages,
      audit: fake.adminAudit,
    },
    attachments: { upload: fake.attachmentsUpload, meta: fake.attachmentsMeta },
    meetings: { list: fake.meetingsList, create: fake.meetingsCreate, get: fake.meetingsGet, act: fake.meetingsAct, token: fake.meetingsToken },
    reads: { markRead: vi.fn<ParleyApi['reads']['markRead']>((_id, seq) => Promise.resolve({ lastReadSeq: seq, unreadCount: 0 })) },
    live: {
      join: vi.fn<ParleyApi['live']['join']>(notAnswered),
      leave: vi.fn<ParleyApi['live']['leave']>(() => Promise.resolve()),
      typing: fake.liveTyping,
      send: fake.liveSend,
      markRead: fake.liveMarkRead,
      meeting: fake.liveMeeting,
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
  const emit: FakeApi['emit'] = (event, payload) => {
    // Each listener was registered for this event name, so it takes this event's payload.
    for (const listener of listeners.get(event) ?? []) (listener as (payload: Payload<typeof event>) => void)(payload);
  };
  const setStatus = (next: ConnectionStatus) => {
    status = next;
    for (const listener of statusListeners) listener(next);
  };
  const outbox = new Outbox((conversationId, body) => (status.state === 'connected' ? fake.liveSend : fake.messagesSend)(conversationId, body), {
    maxAttempts: 2,
    baseDelayMs: 0,
  });
  // MessageStream uses only `on` and `onStatus` of its Realtime; the class's private fields make a structural fake need the cast.
  const realtime = { on: api.on, onStatus: api.realtime.onStatus } as unknown as Realtime;
  const stream = new MessageStream(realtime, (conversationId, after) => fake.messagesList(conversationId, { after, limit: 100 }));
  // The session's first connection, as the real client's stream hears it: later ones are reconnections.
  setStatus(status);
  const server: Message[] = [];
  return {
    ...fake,
    api: { ...api, outbox, stream },
    emit,
    setStatus,
    server,
    serve: (messages) => {
      server.splice(0, server.length, ...messages);
      fake.messagesList.mockImplementation((conversationId, params = {}) => Promise.resolve(historyPage(server, conversationId, params)));
    },
    arrive: (message) => {
      server.push(message);
      emit('message:new', { message });
    },
  };
}

/** What `GET …/messages` answers from `held`: ascending, the newest `limit` (default 50), or the first `limit` after `after`. */
function historyPage(held: readonly Message[], conversationId: string, params: { before?: number; after?: number; limit?: number }): HistoryPage {
  const { before = Infinity, after = 0, limit = 50 } = params;
  const matching = held.filter((message) => message.conversationId === conversationId && message.seq < before && message.seq > after);
  const items = params.after === undefined ? matching.slice(-limit) : matching.slice(0, limit);
  return { items, hasMore: matching.length > items.length };
}
