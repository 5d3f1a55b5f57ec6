import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { TYPING_TIMEOUT_MS, type Message, type SyncChange } from '@parley/protocol';
import { applyConversationUpdate, applyMessagePreview, applyNewMessage, applyOwnRead, applyPresence, removeCachedConversation } from '../api/conversation-cache.js';
import { isUnauthenticated } from '../api/auth-errors.js';
import { applyMeetingUpdate } from '../api/meeting-cache.js';
import { applyNotification } from '../api/notification-cache.js';
import type { ParleyApi } from '../api/parley-api.js';
import { queryKeys } from '../api/query-keys.js';
import { useRealtimeStore } from '../store/realtime-store.js';
import { useSessionStore } from '../store/session-store.js';

/**
 * Routes the server's events (contract § Realtime) to the realtime store and the query cache:
 * the SDK's message stream (`api.stream`: tracked threads' messages, once and in order, live or caught up) into
 * the threads and the inbox; `message:new` of every conversation, tracked or not, into the inbox (applying a message
 * twice changes nothing: the cache keeps the highest `seq`), and it stops its sender's typing indicator;
 * `message:updated` / `message:reaction` (each the receiver's own view) and `message:deleted` into the message held
 * and the inbox preview, and the same changes from the stream's catch-up after a reconnection (`api.stream.onChange`);
 * `conversation:read` / `message:read` into read positions (one's own zero the inbox badge),
 * `conversation:typing` into typing indicators, `conversation:updated` into the cached conversation (and clears a
 * removal; its project and pins refetch), `conversation:removed` out of the inbox and into the store's removed conversations,
 * `presence:update` into cached participants, `notification:new` into the bell's list (same id in place),
 * `meeting:updated` into the cached meeting and its project's meeting list (issue 7).
 */
export function useRealtimeEvents(api: ParleyApi, meId: string): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const store = useRealtimeStore.getState();
    const applyChange = (message: Message) => {
      store.changeMessage(message);
      applyMessagePreview(queryClient, message);
    };
    const offs = [
      api.stream.onMessage((message) => {
        store.receiveMessage(message, meId);
        applyNewMessage(queryClient, message, meId);
      }),
      // A failed catch-up is tried again by the stream on its own (1 s doubling to 30 s); only a refused token ends anything.
      api.stream.onError((error) => {
        if (isUnauthenticated(error)) useSessionStore.getState().expire();
      }),
      api.on('message:new', ({ message }) => {
        if (message.senderId) store.setTyping(message.conversationId, message.senderId, null);
        applyNewMessage(queryClient, message, meId);
      }),
      api.on('message:updated', ({ message }) => applyChange(message)),
      api.on('message:reaction', ({ message }) => applyChange(message)),
      api.on('message:deleted', (event) => {
        store.deleteMessage(event);
        applyMessagePreview(queryClient, { id: event.messageId, conversationId: event.conversationId, text: '' });
      }),
      api.stream.onChange((change) => {
        if (isMessageChange(change)) applyChange(change.message);
      }),
      api.on('conversation:read', (event) => {
        if (event.userId === meId) applyOwnRead(queryClient, event);
        else store.recordRead(event.conversationId, event.userId, event.lastReadSeq);
      }),
      api.on('message:read', (event) => {
        if (event.userId !== meId) store.recordRead(event.conversationId, event.userId, event.seq);
      }),
      api.on('conversation:typing', (event) => {
        if (event.userId === meId) return;
        store.setTyping(event.conversationId, event.userId, event.isTyping ? Date.now() + TYPING_TIMEOUT_MS : null);
      }),
      api.on('conversation:updated', ({ conversation }) => {
        store.setRemoved(conversation.id, false);
        applyConversationUpdate(queryClient, conversation);
        void queryClient.invalidateQueries({ queryKey: queryKeys.project(conversation.projectId) });
        void queryClient.invalidateQueries({ queryKey: queryKeys.pins(conversation.id) });
      }),
      api.on('conversation:removed', ({ conversationId }) => {
        store.setRemoved(conversationId, true);
        removeCachedConversation(queryClient, conversationId);
      }),
      api.on('presence:update', (event) => applyPresence(queryClient, event)),
      api.on('notification:new', ({ notification }) => applyNotification(queryClient, notification)),
      api.on('meeting:updated', ({ meeting }) => applyMeetingUpdate(queryClient, meeting)),
    ];
    return () => offs.forEach((off) => off());
  }, [api, meId, queryClient]);
}

/** The change stream's kinds that carry a message as it is now (protocol `SyncChangeSchema`). */
function isMessageChange(change: SyncChange): change is Extract<SyncChange, { message: Message }> {
  return 'message' in change && change.kind !== 'message.created';
}
