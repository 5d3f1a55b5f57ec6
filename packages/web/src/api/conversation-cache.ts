import type { Conversation, ConversationPage, ConversationReadEvent, Message } from '@parley/protocol';
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { queryKeys } from './query-keys.js';

/** The cached shape of a conversation list query: cursor pages (contract § Conventions). */
export type ConversationListData = InfiniteData<ConversationPage, string | null>;

/** Longest `lastMessage.preview`, in code points (protocol `LastMessageSchema`). */
const PREVIEW_LENGTH = 100;

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
          preview: [...message.text].slice(0, PREVIEW_LENGTH).join(''),
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

/** `conversation:updated`: the caller's new view of the conversation (status, title, participants). */
export function applyConversationUpdate(queryClient: QueryClient, conversation: Conversation): void {
  updateCachedConversation(queryClient, conversation.id, () => conversation);
}
