import {
  MeetingListSchema,
  MeetingSchema,
  MeetingTokenSchema,
  type CreateMeetingBody,
  type Meeting,
  type MeetingToken,
  AttachmentSchema,
  UploadResultSchema,
  type Attachment,
  ConversationPageSchema,
  ConversationSchema,
  DevTokenResultSchema,
  DevUserListSchema,
  HistoryPageSchema,
  MarkNotificationsReadResultSchema,
  MessageEditListSchema,
  MessageSchema,
  NotificationPageSchema,
  PinListSchema,
  SearchPageSchema,
  AdminConversationPageSchema,
  AdminConversationSchema,
  AdminParticipantListSchema,
  AuditPageSchema,
  ReportPageSchema,
  ReportSchema,
  ProjectPageSchema,
  ProjectSchema,
  ReadStateSchema,
  SyncPageSchema,
  UserSchema,
  type Conversation,
  type ConversationPage,
  type ConversationSettingsBody,
  type CreateGroupBody,
  type HistoryPage,
  type MarkNotificationsReadBody,
  type MarkNotificationsReadResult,
  type Message,
  type MessageEditList,
  type NotificationPage,
  type PinList,
  type SearchPage,
  type AdminConversation,
  type AdminConversationPage,
  type AdminParticipantList,
  type AuditPage,
  type ConversationStatus,
  type CreateReportBody,
  type Report,
  type ReportPage,
  type ReportStatus,
  type ResolveReportBody,
  type Project,
  type ProjectPage,
  type ReadState,
  type SendMessageBody,
  type SyncPage,
  type User,
} from '@parley/protocol';
import { z } from 'zod';
import { ParleyError } from './errors.js';
import { MessageStream } from './message-stream.js';
import { Outbox, type OutboxOptions } from './outbox.js';
import { Realtime } from './realtime.js';
import { createRest, query, type Rest, type TokenSource, type UploadProgress } from './rest.js';

/**
 * How to reach a Parley server and who is calling. Give `token` or `getToken`: it is called for every request
 * and (re)connection, and with `{refresh: true}` once after the server refused a token as `UNAUTHENTICATED`
 * (expired), when it should return a new one; the refused call is then made again once with it.
 */
export interface ParleyClientOptions {
  /** Base URL of the server, e.g. `http://localhost:3000` (no trailing slash needed). */
  url: string;
  token?: string;
  getToken?: TokenSource;
  /** Retry policy of {@link ParleyClient.outbox}. */
  outbox?: OutboxOptions;
}

/** The lifecycle actions of `POST /api/meetings/:id/<action>`. */
export type MeetingAction = 'accept' | 'decline' | 'start' | 'join' | 'leave' | 'end' | 'cancel';

/** A `204 No Content` answer: no body. */
const NoContentSchema = z.null().transform(() => undefined);

/**
 * Typed client for Parley's REST API and Socket.IO events (shared/spec/api.md). Every method throws
 * {@link ParleyError} carrying the contract's error `code`, the HTTP `status` and `retryAfterMs`.
 */
export class ParleyClient {
  readonly realtime: Realtime;
  /** Sends with a `clientId` and retries until stored or refused: over the socket when connected, else REST. */
  readonly outbox: Outbox;
  /** The tracked conversations' messages, exactly once and in order, with gap detection and catch-up. */
  readonly stream: MessageStream;
  private readonly rest: Rest;
  private readonly baseUrl: string;

  constructor(options: ParleyClientOptions) {
    const url = options.url.replace(/\/+$/, '');
    this.baseUrl = url;
    const getToken = options.getToken ?? (options.token !== undefined ? () => options.token ?? '' : null);
    if (!getToken) throw new ParleyError('VALIDATION_FAILED', 'ParleyClient needs token or getToken', 0);
    this.rest = createRest(url, getToken);
    this.realtime = new Realtime(url, getToken);
    this.outbox = new Outbox(
      (conversationId, body) =>
        this.realtime.getStatus().state === 'connected' ? this.live.send(conversationId, body) : this.messages.send(conversationId, body),
      options.outbox,
    );
    this.stream = new MessageStream(
      this.realtime,
      (conversationId, afterSeq) => this.messages.list(conversationId, { after: afterSeq, limit: 100 }),
      (since) => this.sync({ ...(since === undefined ? {} : { since }), limit: 500 }),
    );
  }

  /**
   * Files (issue 6). Upload first, then send a message with the answered ids as `attachmentIds`:
   * `client.messages.send(conversationId, {attachmentIds, text: 'caption'})`.
   */
  readonly attachments = {
    /**
     * `POST /api/conversations/:id/attachments`: up to 5 files of 10 MB each (the server's limits) for the caller,
     * unattached until sent. A file is a `File`, or `{name, data}` with a `Blob`. `onProgress` (browsers) reports the
     * bytes sent. Throws `PAYLOAD_TOO_LARGE`, `UNSUPPORTED_MEDIA_TYPE`, `NOT_FOUND`, `CONVERSATION_READ_ONLY`, ….
     */
    upload: (
      conversationId: string,
      files: readonly (Blob | { name: string; data: Blob })[],
      options: { onProgress?: (progress: UploadProgress) => void } = {},
    ): Promise<Attachment[]> => {
      const form = new FormData();
      for (const file of files) {
        if ('data' in file) form.append('files', file.data, file.name);
        else form.append('files', file, 'name' in file && typeof file.name === 'string' ? file.name : 'file');
      }
      return this.rest
        .upload(`/conversations/${encodeURIComponent(conversationId)}/attachments`, form, UploadResultSchema, options.onProgress)
        .then((result) => result.items);
    },
    /** `GET /api/attachments/:id/meta`: the attachment with fresh signed URLs (they last up to 15 minutes). */
    meta: (attachmentId: string): Promise<Attachment> => this.rest.call('GET', `/attachments/${encodeURIComponent(attachmentId)}/meta`, AttachmentSchema),
    /** An attachment's `url` or `thumbnailUrl` (relative to the server) as an absolute URL, for `<img src>` outside the server's origin. */
    absoluteUrl: (url: string): string => new URL(url, `${this.baseUrl}/`).toString(),
  };

  /** The signed-in user (`GET /api/me`). */
  me(): Promise<User> {
    return this.rest.call('GET', '/me', UserSchema);
  }

  /**
   * `GET /api/sync`: what changed in the caller's conversations after `since` (a previous answer's `cursor`),
   * oldest first, `limit` 1..500 (default 100); without `since`, no changes and a cursor for now.
   * {@link stream} uses it after every reconnection.
   */
  sync(params: { since?: string; limit?: number } = {}): Promise<SyncPage> {
    return this.rest.call('GET', `/sync${query(params)}`, SyncPageSchema);
  }

  readonly projects = {
    /** `GET /api/projects`: the caller's projects, newest first. */
    list: (params: { cursor?: string; limit?: number } = {}): Promise<ProjectPage> =>
      this.rest.call('GET', `/projects${query(params)}`, ProjectPageSchema),
    /** `GET /api/projects/:id` (participants only, else `NOT_FOUND`). */
    get: (id: string): Promise<Project> => this.rest.call('GET', `/projects/${encodeURIComponent(id)}`, ProjectSchema),
    /** `PATCH /api/projects/:id {status}`: complete or cancel; its conversations become read-only. */
    close: (id: string, status: 'completed' | 'cancelled'): Promise<Project> =>
      this.rest.call('PATCH', `/projects/${encodeURIComponent(id)}`, ProjectSchema, { status }),
  };

  readonly conversations = {
    /** `GET /api/conversations`: newest activity first; `search` matches titles and participant names. */
    list: (params: { search?: string; archived?: boolean; cursor?: string; limit?: number } = {}): Promise<ConversationPage> =>
      this.rest.call('GET', `/conversations${query(params)}`, ConversationPageSchema),
    /** `GET /api/conversations/:id` (participants only, else `NOT_FOUND`). */
    get: (id: string): Promise<Conversation> => this.rest.call('GET', `/conversations/${encodeURIComponent(id)}`, ConversationSchema),
    /**
     * `PATCH /api/conversations/:id/settings`: the caller's own `muted`, `mutedUntil` (null clears it), `archived`,
     * `pinned` (at least one); resolves with the caller's updated view. `muted: false` alone also clears `mutedUntil`.
     */
    updateSettings: (id: string, settings: ConversationSettingsBody): Promise<Conversation> =>
      this.rest.call('PATCH', `/conversations/${encodeURIComponent(id)}/settings`, ConversationSchema, settings),
    /** `POST /api/conversations`: a group of project members inside a project (the caller joins too). */
    createGroup: (body: CreateGroupBody): Promise<Conversation> => this.rest.call('POST', '/conversations', ConversationSchema, body),
    /** `POST /api/conversations/:id/participants`: the group's creator adds a member of the project. */
    addParticipant: (id: string, userId: string): Promise<Conversation> =>
      this.rest.call('POST', `/conversations/${encodeURIComponent(id)}/participants`, ConversationSchema, { userId }),
    /** `DELETE /api/conversations/:id/participants/:userId`: the creator removes a member, or a member leaves. */
    removeParticipant: (id: string, userId: string): Promise<void> =>
      this.rest.call('DELETE', `/conversations/${encodeURIComponent(id)}/participants/${encodeURIComponent(userId)}`, NoContentSchema),
  };

  readonly notifications = {
    /** `GET /api/notifications`: the caller's notifications, newest first; `unread: true` lists only unread ones. */
    list: (params: { unread?: boolean; cursor?: string; limit?: number } = {}): Promise<NotificationPage> =>
      this.rest.call('GET', `/notifications${query(params)}`, NotificationPageSchema),
    /** `POST /api/notifications/read`: marks the caller's notifications `ids` (others' are ignored), or `all`, read; resolves with how many changed. */
    markRead: (body: MarkNotificationsReadBody): Promise<MarkNotificationsReadResult> =>
      this.rest.call('POST', '/notifications/read', MarkNotificationsReadResultSchema, body),
  };

  readonly messages = {
    /** `GET /api/conversations/:id/messages`: ascending `seq`; `before` pages back, `after` forward (limit 1..100, default 50). */
    list: (conversationId: string, params: { before?: number; after?: number; limit?: number } = {}): Promise<HistoryPage> =>
      this.rest.call('GET', `/conversations/${encodeURIComponent(conversationId)}/messages${query(params)}`, HistoryPageSchema),
    /** `POST /api/conversations/:id/messages`; a repeated `clientId` returns the stored message. */
    send: (conversationId: string, body: SendMessageBody): Promise<Message> =>
      this.rest.call('POST', `/conversations/${encodeURIComponent(conversationId)}/messages`, MessageSchema, body),
    /** `PATCH /api/messages/:id {text}`: the sender's edit within the edit window (`EDIT_WINDOW_EXPIRED` after it). */
    edit: (messageId: string, text: string): Promise<Message> => this.rest.call('PATCH', `/messages/${encodeURIComponent(messageId)}`, MessageSchema, { text }),
    /** `DELETE /api/messages/:id`: soft delete by the sender (or an admin); resolves with the tombstone. */
    delete: (messageId: string): Promise<Message> => this.rest.call('DELETE', `/messages/${encodeURIComponent(messageId)}`, MessageSchema),
    /** `GET /api/messages/:id/edits`: the earlier versions, oldest first. */
    edits: (messageId: string): Promise<MessageEditList> =>
      this.rest.call('GET', `/messages/${encodeURIComponent(messageId)}/edits`, MessageEditListSchema),
    /** `POST /api/messages/:id/forward`: a copy in another conversation of the caller's, recording its origin. */
    forward: (messageId: string, conversationId: string, clientId?: string): Promise<Message> =>
      this.rest.call('POST', `/messages/${encodeURIComponent(messageId)}/forward`, MessageSchema, { conversationId, ...(clientId ? { clientId } : {}) }),
    /** `POST /api/messages/:id/reactions {emoji}`: adds the caller's reaction (again: no change). */
    react: (messageId: string, emoji: string): Promise<Message> =>
      this.rest.call('POST', `/messages/${encodeURIComponent(messageId)}/reactions`, MessageSchema, { emoji }),
    /** `DELETE /api/messages/:id/reactions/:emoji`: removes the caller's reaction. */
    unreact: (messageId: string, emoji: string): Promise<Message> =>
      this.rest.call('DELETE', `/messages/${encodeURIComponent(messageId)}/reactions/${encodeURIComponent(emoji)}`, MessageSchema),
    /** `GET /api/conversations/:id/pins`: the pinned messages, most recently pinned first. */
    pins: (conversationId: string): Promise<PinList> => this.rest.call('GET', `/conversations/${encodeURIComponent(conversationId)}/pins`, PinListSchema),
    /** `PUT /api/messages/:id/pin` / `DELETE …/pin`: pins or unpins for the whole conversation; resolves with the pins. */
    pin: (messageId: string, pinned = true): Promise<PinList> =>
      this.rest.call(pinned ? 'PUT' : 'DELETE', `/messages/${encodeURIComponent(messageId)}/pin`, PinListSchema),
    /** `GET /api/search/messages`: full-text search over the caller's conversations, best match first. */
    search: (params: { q: string; conversationId?: string; cursor?: string; limit?: number }): Promise<SearchPage> =>
      this.rest.call('GET', `/search/messages${query(params)}`, SearchPageSchema),
  };

  readonly reports = {
    /** `POST /api/messages/:id/reports`: reports a message (once per message: `ALREADY_REPORTED`). */
    create: (messageId: string, body: CreateReportBody): Promise<Report> =>
      this.rest.call('POST', `/messages/${encodeURIComponent(messageId)}/reports`, ReportSchema, body),
  };

  /** Admin routes (`role: admin` tokens only; others get `FORBIDDEN`). */
  readonly admin = {
    /** `GET /api/admin/reports`: the report queue, newest first. */
    reports: (params: { status?: ReportStatus; cursor?: string; limit?: number } = {}): Promise<ReportPage> =>
      this.rest.call('GET', `/admin/reports${query(params)}`, ReportPageSchema),
    /** `PATCH /api/admin/reports/:id`: dismiss, or act (`delete_message`, `lock_conversation`). */
    resolveReport: (reportId: string, body: ResolveReportBody): Promise<Report> =>
      this.rest.call('PATCH', `/admin/reports/${encodeURIComponent(reportId)}`, ReportSchema, body),
    /** `GET /api/admin/conversations`: every conversation, newest activity first. */
    conversations: (params: { search?: string; status?: ConversationStatus; cursor?: string; limit?: number } = {}): Promise<AdminConversationPage> =>
      this.rest.call('GET', `/admin/conversations${query(params)}`, AdminConversationPageSchema),
    /** `GET /api/admin/conversations/:id`: one conversation as the admin list shows it. */
    conversation: (conversationId: string): Promise<AdminConversation> =>
      this.rest.call('GET', `/admin/conversations/${encodeURIComponent(conversationId)}`, AdminConversationSchema),
    /** `PATCH /api/admin/conversations/:id/status`: lock, archive or open a conversation. */
    setConversationStatus: (conversationId: string, status: 'active' | 'locked' | 'archived'): Promise<AdminConversation> =>
      this.rest.call('PATCH', `/admin/conversations/${encodeURIComponent(conversationId)}/status`, AdminConversationSchema, { status }),
    /** `GET /api/admin/conversations/:id/participants`. */
    participants: (conversationId: string): Promise<AdminParticipantList> =>
      this.rest.call('GET', `/admin/conversations/${encodeURIComponent(conversationId)}/participants`, AdminParticipantListSchema),
    /** `GET /api/admin/conversations/:id/messages`: the history with deleted messages' text. */
    messages: (conversationId: string, params: { before?: number; after?: number; limit?: number } = {}): Promise<HistoryPage> =>
      this.rest.call('GET', `/admin/conversations/${encodeURIComponent(conversationId)}/messages${query(params)}`, HistoryPageSchema),
    /** `GET /api/admin/audit`: the audit log, newest first. */
    audit: (params: { actorId?: string; conversationId?: string; cursor?: string; limit?: number } = {}): Promise<AuditPage> =>
      this.rest.call('GET', `/admin/audit${query(params)}`, AuditPageSchema),
  };

  readonly reads = {
    /** `POST /api/conversations/:id/read {seq}`: never moves backwards. */
    markRead: (conversationId: string, seq: number): Promise<ReadState> =>
      this.rest.call('POST', `/conversations/${encodeURIComponent(conversationId)}/read`, ReadStateSchema, { seq }),
  };

  /** Socket actions (contract § Realtime); call {@link Realtime.connect} first. */
  readonly live = {
    /** `conversation:join`: start viewing; resolves with the conversation. */
    join: (conversationId: string): Promise<Conversation> =>
      this.realtime.request<unknown>('conversation:join', { conversationId }).then((data) => ConversationSchema.parse(data)),
    /** `conversation:leave`: stop viewing. */
    leave: (conversationId: string): Promise<void> => this.realtime.request('conversation:leave', { conversationId }),
    /** `conversation:typing`: relayed to the other participants; repeat `true` every few seconds while typing. */
    typing: (conversationId: string, isTyping: boolean): Promise<void> =>
      this.realtime.request('conversation:typing', { conversationId, isTyping }),
    /** `message:send`: resolves with the stored message. */
    send: (conversationId: string, body: SendMessageBody): Promise<Message> =>
      this.realtime.request<unknown>('message:send', { ...body, conversationId }).then((data) => MessageSchema.parse(data)),
    /** `conversation:markRead`: same as the REST read. */
    markRead: (conversationId: string, seq: number): Promise<ReadState> =>
      this.realtime.request<unknown>('conversation:markRead', { conversationId, seq }).then((data) => ReadStateSchema.parse(data)),
    /** `meeting:accept`, `meeting:decline`, `meeting:start` or `meeting:end` over the socket; resolves with the meeting. */
    meeting: (meetingId: string, action: 'accept' | 'decline' | 'start' | 'end'): Promise<Meeting> =>
      this.realtime.request<unknown>(`meeting:${action}`, { meetingId }).then((data) => MeetingSchema.parse(data)),
    /** `meeting:invite`: asks more of the project's members; resolves with the meeting. */
    invite: (meetingId: string, userIds: string[]): Promise<Meeting> =>
      this.realtime.request<unknown>('meeting:invite', { meetingId, userIds }).then((data) => MeetingSchema.parse(data)),
  };

  /**
   * Video meetings inside projects (issue 7; docs/api.md § Meetings). Listen to `meeting:invite` (an incoming call),
   * `meeting:updated` and the others with {@link on}; answer over REST or with {@link live}'s meeting methods.
   */
  readonly meetings = {
    /** `POST /api/projects/:id/meetings`: instant (ringing) without `scheduledFor`, else scheduled. */
    create: (projectId: string, body: CreateMeetingBody): Promise<Meeting> =>
      this.rest.call('POST', `/projects/${encodeURIComponent(projectId)}/meetings`, MeetingSchema, body),
    /** `GET /api/projects/:id/meetings`: newest first. */
    list: (projectId: string): Promise<Meeting[]> =>
      this.rest.call('GET', `/projects/${encodeURIComponent(projectId)}/meetings`, MeetingListSchema).then((list) => list.items),
    /** `GET /api/meetings/:id`. */
    get: (meetingId: string): Promise<Meeting> => this.rest.call('GET', `/meetings/${encodeURIComponent(meetingId)}`, MeetingSchema),
    /** `POST /api/meetings/:id/{accept|decline|start|join|leave|end|cancel}`: resolves with the meeting after the change. */
    act: (meetingId: string, action: MeetingAction): Promise<Meeting> =>
      this.rest.call('POST', `/meetings/${encodeURIComponent(meetingId)}/${action}`, MeetingSchema),
    /** `POST /api/meetings/:id/token`: the media token (`503 MEETINGS_NOT_CONFIGURED` without a provider). */
    token: (meetingId: string): Promise<MeetingToken> => this.rest.call('POST', `/meetings/${encodeURIComponent(meetingId)}/token`, MeetingTokenSchema),
  };

  /** Listens to a server event (`message:new`, `conversation:read`, …); returns the unsubscribe function. */
  on: Realtime['on'] = (event, listener) => this.realtime.on(event, listener);
}

/** Development sign-in (`PARLEY_DEV_AUTH=1` servers only): the demo users and a token for one of them. */
export const devAuth = {
  users: (url: string): Promise<User[]> =>
    createRest(url.replace(/\/+$/, ''), null)
      .call('GET', '/dev/users', DevUserListSchema)
      .then((list) => list.items),
  token: (url: string, userId: string): Promise<string> =>
    createRest(url.replace(/\/+$/, ''), null)
      .call('POST', '/dev/token', DevTokenResultSchema, { userId })
      .then((result) => result.token),
};

