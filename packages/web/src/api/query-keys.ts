import type { ConversationStatus, ReportStatus } from '@parley/protocol';

/** Filters of the conversation list query (contract: `GET /api/conversations?search=&archived=`). */
export interface ConversationListFilter {
  search: string;
  archived: boolean;
}

/** Filters of the admin page's conversation list (`GET /api/admin/conversations?search=&status=`); null status: all. */
export interface AdminConversationFilter {
  search: string;
  status: ConversationStatus | null;
}

/** TanStack Query keys, spelled in one place so that cache updates and invalidations hit the right queries. */
export const queryKeys = {
  me: () => ['me'] as const,
  /** Prefix of every conversation list query, whatever its filter. */
  conversationLists: () => ['conversations', 'list'] as const,
  conversationList: (filter: ConversationListFilter) => ['conversations', 'list', filter] as const,
  /** Prefix of every single-conversation query. */
  conversationDetails: () => ['conversations', 'detail'] as const,
  conversation: (id: string) => ['conversations', 'detail', id] as const,
  project: (id: string) => ['projects', id] as const,
  /** A project's members, as its own conversation lists them (under {@link queryKeys.project}, so it refetches with it). */
  projectMembers: (id: string) => ['projects', id, 'members'] as const,
  /** A conversation's pinned messages (`GET /api/conversations/:id/pins`). */
  pins: (conversationId: string) => ['conversations', 'pins', conversationId] as const,
  /**
   * An edited message's earlier versions (`GET /api/messages/:id/edits`), keyed by its `editedAt` too, so a newer edit
   * reads them again.
   */
  messageEdits: (messageId: string, editedAt: string | null) => ['messages', 'edits', messageId, editedAt] as const,
  /** Prefix of every meeting query. */
  meetings: () => ['meetings'] as const,
  /** A project's meetings, newest first (`GET /api/projects/:id/meetings`), kept fresh by `meeting:updated`. */
  projectMeetings: (projectId: string) => ['meetings', 'project', projectId] as const,
  /** One meeting (`GET /api/meetings/:id`), kept fresh by `meeting:updated`. */
  meeting: (meetingId: string) => ['meetings', 'detail', meetingId] as const,
  /** The newest notifications (the bell's list and unread count). */
  notifications: () => ['notifications'] as const,
  /** Message search results for the trimmed query `q` (`GET /api/search/messages`). */
  messageSearch: (q: string) => ['search', 'messages', q] as const,
  /** Prefix of every admin query, refetched after each admin action. */
  admin: () => ['admin'] as const,
  /** Prefix of the admin conversation lists, whatever their filter. */
  adminConversationLists: () => ['admin', 'conversations'] as const,
  adminConversations: (filter: AdminConversationFilter) => ['admin', 'conversations', filter] as const,
  adminReports: (status: ReportStatus) => ['admin', 'reports', status] as const,
  adminAudit: () => ['admin', 'audit'] as const,
  /** One conversation as admins list it (`GET /api/admin/conversations/:id`). */
  adminConversation: (id: string) => ['admin', 'conversation', id] as const,
  /** One conversation's participants as admins see them (`GET /api/admin/conversations/:id/participants`). */
  adminParticipants: (conversationId: string) => ['admin', 'participants', conversationId] as const,
  /** One conversation's full history, newest page first (`GET /api/admin/conversations/:id/messages`). */
  adminMessages: (conversationId: string) => ['admin', 'messages', conversationId] as const,
};
