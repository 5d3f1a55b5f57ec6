import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { TYPING_TIMEOUT_MS } from '@parley/protocol';
import { applyConversationUpdate, applyNewMessage, applyOwnRead, applyPresence } from '../api/conversation-cache.js';
import { applyNotification } from '../api/notification-cache.js';
import type { ParleyApi } from '../api/parley-api.js';
import { queryKeys } from '../api/query-keys.js';
import { useRealtimeStore } from '../store/realtime-store.js';

/**
 * Routes the server's events (contract § Realtime) to the realtime store and the query cache:
 * `message:new` into loaded threads and the inbox (and stops its sender's typing indicator),
 * `conversation:read` / `message:read` into read positions (one's own zero the inbox badge),
 * `conversation:typing` into typing indicators, `conversation:updated` into the cached conversation,
 * `presence:update` into cached participants, `notification:new` into the bell's list (same id in place).
 */
export function useRealtimeEvents(api: ParleyApi, meId: string): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const store = useRealtimeStore.getState();
    const offs = [
      api.on('message:new', ({ message }) => {
        store.receiveMessage(message, meId);
        if (message.senderId) store.setTyping(message.conversationId, message.senderId, null);
        applyNewMessage(queryClient, message, meId);
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
        applyConversationUpdate(queryClient, conversation);
        void queryClient.invalidateQueries({ queryKey: queryKeys.project(conversation.projectId) });
      }),
      api.on('presence:update', (event) => applyPresence(queryClient, event)),
      api.on('notification:new', ({ notification }) => applyNotification(queryClient, notification)),
    ];
    return () => offs.forEach((off) => off());
  }, [api, meId, queryClient]);
}
