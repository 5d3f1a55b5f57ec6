import type { Conversation, ConversationPage, ConversationReadEvent, Message, PresenceUpdateEvent } from '@parley/protocol';
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { lastMessagePreview, previewText } from '../lib/message-preview.js';
import { queryKeys, type ConversationListFilter } from './query-keys.js';

/** The cached shape of a conversation list query: cursor pages (contract § Conventions). */
export type ConversationListData = InfiniteData<ConversationPage, string | null>;

/**
 * Applies `update` to conversation `id` in every cached list and in its detail query. With `moveToTop`
 * the conversation moves to the head of each list (lists are ordered by newest activity). A list that
 * does not hold it (a new conversation, or one it may now match) is invalidated so it refetches.
 */
export function updateCachedConversation(
  queryClient: QueryClient,
  id: string,
  update: (conversation: Conversation) => Conversation,
  options: { moveToTop?: boolean } = {},
): void {
  let missing = false;
  queryClient.setQueriesData<ConversationListData>({ queryKey: queryKeys.conversationLists() }, (data) => {
    if (!data) return data;
    const found = data.pages.flatMap((page) => page.items).find((conversation) => conversation.id === id);
    if (!found) {
      missing = true;
      return data;
    }
    const updated = update(found);
    const pages = data.pages.map((page) => ({
      ...page,
      items: options.moveToTop
        ? page.items.filter((conversation) => conversation.id !== id)
        : page.items.map((conversation) => (conversation.id === id ? updated : conversation)),
    }));
    const [first, ...rest] = pages;
    if (options.moveToTop && first) return { ...data, pages: [{ ...first, items: [updated, ...first.items] }, ...rest] };
    return { ...data, pages };
  });
  queryClient.setQueryData<Conversation>(queryKeys.conversation(id), (conversation) => conversation && update(conversation));
  if (missing) void queryClient.invalidateQueries({ queryKey: queryKeys.conversationLists() });
}

/** `message:new`: the conversation's last message, activity time and (for others' messages) unread count. */
export function applyNewMessage(queryClient: QueryClient, message: Message, meId: string): void {
  updateCachedConversation(
    queryClient,
    message.conversationId,
    (conversation) => {
      if ((conversation.lastMessage?.seq ?? 0) >= message.seq) return conversation;
      return {
        ...conversation,
        lastMessage: {
          id: message.id,
          seq: message.seq,
          senderId: message.senderId,
          type: message.type,
          preview: lastMessagePreview(message),
          createdAt: message.createdAt,
        },
        lastMessageAt: message.createdAt,
        unreadCount: message.senderId === meId ? conversation.unreadCount : conversation.unreadCount + 1,
      };
    },
    { moveToTop: true },
  );
}

/**
 * The signed-in user's own `conversation:read` (from this tab or another device): a read up to the last
 * message zeroes the badge; a partial read makes the lists refetch the exact count.
 */
export function applyOwnRead(queryClient: QueryClient, event: Pick<ConversationReadEvent, 'conversationId' | 'lastReadSeq'>): void {
  let partial = false;
  updateCachedConversation(queryClient, event.conversationId, (conversation) => {
    const lastReadSeq = Math.max(conversation.lastReadSeq, event.lastReadSeq);
    const readAll = lastReadSeq >= (conversation.lastMessage?.seq ?? 0);
    partial ||= !readAll && conversation.unreadCount > 0;
    return { ...conversation, lastReadSeq, unreadCount: readAll ? 0 : conversation.unreadCount };
  });
  if (partial) void queryClient.invalidateQueries({ queryKey: queryKeys.conversationLists() });
}

/**
 * `conversation:updated`, or the answer to the caller's own settings change: the caller's new view of the
 * conversation (status, title, participants, muted, archived). A list whose `archived` filter it no longer
 * matches drops it (archiving moves it to the Archived filter); lists it now belongs to refetch.
 */
export function applyConversationUpdate(queryClient: QueryClient, conversation: Conversation): void {
  let missing = false;
  for (const [key, data] of queryClient.getQueriesData<ConversationListData>({ queryKey: queryKeys.conversationLists() })) {
    if (!data) continue;
    const filter = key[2] as ConversationListFilter | undefined;
    const belongs = filter === undefined || filter.archived === conversation.archived;
    const held = data.pages.some((page) => page.items.some((item) => item.id === conversation.id));
    if (!held) {
      missing ||= belongs;
      continue;
    }
    queryClient.setQueryData<ConversationListData>(key, {
      ...data,
      pages: data.pages.map((page) => ({
        ...page,
        items: belongs
          ? page.items.map((item) => (item.id === conversation.id ? conversation : item))
          : page.items.filter((item) => item.id !== conversation.id),
      })),
    });
  }
  queryClient.setQueryData<Conversation>(queryKeys.conversation(conversation.id), (held) => held && conversation);
  if (missing) void queryClient.invalidateQueries({ queryKey: queryKeys.conversationLists() });
}

/**
 * `conversation:removed`: the caller no longer takes part in conversation `id` (removed from a group, or left it),
 * so every cached list drops it. Its detail query stays, so an open thread does not refetch into a 404.
 */
export function removeCachedConversation(queryClient: QueryClient, id: string): void {
  queryClient.setQueriesData<ConversationListData>({ queryKey: queryKeys.conversationLists() }, (data) =>
    data && { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.filter((conversation) => conversation.id !== id) })) },
  );
}

/**
 * An edited or deleted message (`message:updated`, `message:deleted`, the change stream): the preview of the inbox
 * line whose last message it is. A deleted message's `text` is '' and so is its preview, as the server shows it.
 */
export function applyMessagePreview(queryClient: QueryClient, message: Pick<Message, 'id' | 'conversationId' | 'text'>): void {
  mapCachedConversations(queryClient, (conversation) =>
    conversation.id === message.conversationId && conversation.lastMessage?.id === message.id
      ? { ...conversation, lastMessage: { ...conversation.lastMessage, preview: previewText(message.text) } }
      : conversation,
  );
}

/** `presence:update`: that user's `online` and `lastSeenAt` in every cached conversation they take part in. */
export function applyPresence(queryClient: QueryClient, event: PresenceUpdateEvent): void {
  mapCachedConversations(queryClient, (conversation) =>
    conversation.participants.some((participant) => participant.userId === event.userId)
      ? {
          ...conversation,
          participants: conversation.participants.map((participant) =>
            participant.userId === event.userId ? { ...participant, online: event.online, lastSeenAt: event.lastSeenAt } : participant,
          ),
        }
      : conversation,
  );
}

/** Applies `update` to every cached conversation, in lists and detail queries, without moving or refetching any. */
function mapCachedConversations(queryClient: QueryClient, update: (conversation: Conversation) => Conversation): void {
  queryClient.setQueriesData<ConversationListData>({ queryKey: queryKeys.conversationLists() }, (data) =>
    data && { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map(update) })) },
  );
  queryClient.setQueriesData<Conversation>({ queryKey: queryKeys.conversationDetails() }, (conversation) => conversation && update(conversation));
}
