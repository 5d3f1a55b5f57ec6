import type { AdminConversation, Attachment, Conversation, Meeting, Message, Notification, Participant, Project, Report } from '@parley/protocol';

/** The demo's people, as conversation participants. */
export const alice: Participant = { userId: 'client-alice', name: 'Alice Martin', role: 'client', lastReadSeq: 0, online: false, lastSeenAt: null };
export const paul: Participant = { userId: 'provider-paul', name: 'Paul Okafor', role: 'provider', lastReadSeq: 0, online: false, lastSeenAt: null };
export const wen: Participant = { userId: 'worker-wen', name: 'Wen Li', role: 'worker', lastReadSeq: 0, online: false, lastSeenAt: null };

/** A local-time timestamp (so day separators do not depend on the machine's time zone). */
export function localIso(year: number, monthIndex: number, day: number, hours = 10, minutes = 0): string {
  return new Date(year, monthIndex, day, hours, minutes).toISOString();
}

/** A conversation between Alice and Paul, overridable field by field. */
export function makeConversation(overrides: Partial<Conversation> = {}): Conversation {
  return {
    id: 'conv-checkout',
    projectId: 'proj-checkout',
    kind: 'project',
    title: 'Redesign the checkout flow',
    status: 'active',
    participants: [alice, paul],
    lastMessage: null,
    unreadCount: 0,
    lastReadSeq: 0,
    muted: false,
    mutedUntil: null,
    archived: false,
    pinned: false,
    createdBy: null,
    createdAt: '2026-11-01T09:00:00.000Z',
    lastMessageAt: '2026-11-01T09:00:00.000Z',
    ...overrides,
  };
}

/** A stored text message, overridable field by field. */
export function makeMessage(overrides: Partial<Message> & Pick<Message, 'seq'>): Message {
  return {
    id: `msg-${overrides.seq}`,
    conversationId: 'conv-checkout',
    senderId: paul.userId,
    type: 'text',
    text: `Message ${overrides.seq}`,
    createdAt: '2026-11-20T10:00:00.000Z',
    editedAt: null,
    deletedAt: null,
    clientId: null,
    replyToId: null,
    replyTo: null,
    forwardedFrom: null,
    location: null,
    contact: null,
    attachments: [],
    reactions: [],
    mentions: [],
    ...overrides,
  };
}

/** The project behind {@link makeConversation}. */
export function makeProject(overrides: Partial<Project> = {}): Project {
  return {
    id: 'proj-checkout',
    requestId: 'req-checkout',
    proposalId: 'prop-checkout',
    clientId: alice.userId,
    providerId: paul.userId,
    agencyId: null,
    title: 'Redesign the checkout flow',
    terms: { price: 420_000, currency: 'EUR', scope: 'Audit, wireframes and a prototype.', deadline: '2026-12-21T00:00:00.000Z' },
    termsLockedAt: '2026-11-01T09:00:00.000Z',
    status: 'active',
    workerIds: [],
    createdAt: '2026-11-01T09:00:00.000Z',
    ...overrides,
  };
}

/** A `message.new` notification for {@link makeConversation}, from Paul, overridable field by field. */
export function makeNotification(overrides: Partial<Notification> = {}): Notification {
  return {
    id: 'notif-1',
    type: 'message.new',
    projectId: 'proj-checkout',
    projectTitle: 'Redesign the checkout flow',
    conversationId: 'conv-checkout',
    messageId: 'msg-4',
    senderId: paul.userId,
    senderName: paul.name,
    preview: 'Here are the wireframes',
    count: 1,
    createdAt: '2026-11-21T11:55:00.000Z',
    readAt: null,
    ...overrides,
  };
}

/** An open report by Alice of a message of Paul's in {@link makeConversation}, overridable field by field. */
export function makeReport(overrides: Partial<Report> = {}): Report {
  return {
    id: 'report-1',
    messageId: 'msg-3',
    conversationId: 'conv-checkout',
    reporterId: alice.userId,
    reason: 'spam',
    note: null,
    status: 'open',
    action: null,
    messagePreview: 'Message 3',
    messageSenderId: paul.userId,
    createdAt: '2026-11-21T11:00:00.000Z',
    resolvedAt: null,
    resolvedBy: null,
    ...overrides,
  };
}

/** {@link makeConversation} as admins list it, overridable field by field. */
export function makeAdminConversation(overrides: Partial<AdminConversation> = {}): AdminConversation {
  return {
    id: 'conv-checkout',
    projectId: 'proj-checkout',
    projectTitle: 'Redesign the checkout flow',
    kind: 'project',
    title: 'Redesign the checkout flow',
    status: 'active',
    participantCount: 2,
    lastSeq: 3,
    createdAt: '2026-11-01T09:00:00.000Z',
    lastMessageAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}

/** A stored attachment (an 800×600 PNG by default) with signed URLs as the server presents them, overridable field by field. */
export function makeAttachment(overrides: Partial<Attachment> & Pick<Attachment, 'id'>): Attachment {
  const { id } = overrides;
  return {
    kind: 'image',
    name: `${id}.png`,
    mime: 'image/png',
    size: 48_213,
    sha256: 'a'.repeat(64),
    width: 800,
    height: 600,
    url: `/api/attachments/${id}?expires=1900000000&sig=abc`,
    thumbnailUrl: `/api/attachments/${id}/thumbnail?expires=1900000000&sig=abc`,
    urlExpiresAt: '2030-03-17T17:46:40.000Z',
    ...overrides,
  };
}

/**
 * An instant meeting that Paul (host) started ringing in {@link makeProject} for Alice (invited), overridable field by
 * field.
 */
export function makeMeeting(overrides: Partial<Meeting> = {}): Meeting {
  return {
    id: 'meeting-1',
    projectId: 'proj-checkout',
    conversationId: 'conv-checkout',
    hostId: paul.userId,
    title: 'Call in Redesign the checkout flow',
    kind: 'instant',
    status: 'pending',
    startedAt: null,
    endedAt: null,
    durationSec: null,
    provider: 'agora',
    participants: [
      { userId: paul.userId, status: 'accepted' },
      { userId: alice.userId, status: 'invited' },
    ],
    createdAt: '2026-11-21T11:00:00.000Z',
    ...overrides,
  };
}
