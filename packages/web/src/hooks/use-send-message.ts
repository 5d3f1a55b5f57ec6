import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ParleyError } from '@parley/sdk';
import { isUnauthenticated } from '../api/auth-errors.js';
import { queryKeys } from '../api/query-keys.js';
import { applyNewMessage } from '../api/conversation-cache.js';
import { useRealtimeStore } from '../store/realtime-store.js';
import { useSessionStore } from '../store/session-store.js';
import { useApi } from './use-api.js';

/** Sending in one conversation: `send` a new message, `retry` a failed one. */
export interface MessageSender {
  /** Shows `text` at once as "sending" and sends it with a fresh `clientId` (crypto.randomUUID()). */
  send: (text: string) => void;
  /** Sends a failed message again with the SAME `clientId`, so the server never stores it twice. */
  retry: (clientId: string) => void;
}

/**
 * Optimistic sending (contract § Conversations and messages: a repeated `clientId` returns the stored message).
 * The socket (`message:send`) is used while connected, REST otherwise. The answer replaces the optimistic copy,
 * as does a `message:new` carrying the same `clientId`, whichever comes first; a failure marks it "failed".
 */
export function useSendMessage(conversationId: string, meId: string): MessageSender {
  const api = useApi();
  const queryClient = useQueryClient();

  const deliver = useCallback(
    (clientId: string, text: string) => {
      const store = useRealtimeStore.getState();
      const body = { text, clientId };
      const request = store.connection.state === 'connected' ? api.live.send(conversationId, body) : api.messages.send(conversationId, body);
      request.then(
        (message) => {
          useRealtimeStore.getState().receiveMessage(message, meId);
          applyNewMessage(queryClient, message, meId);
        },
        (error: unknown) => {
          useRealtimeStore.getState().setPendingStatus(conversationId, clientId, 'failed');
          if (isUnauthenticated(error)) useSessionStore.getState().expire();
          if (error instanceof ParleyError && error.code === 'CONVERSATION_READ_ONLY') {
            void queryClient.invalidateQueries({ queryKey: queryKeys.conversation(conversationId) });
          }
        },
      );
    },
    [api, conversationId, meId, queryClient],
  );

  const send = useCallback(
    (text: string) => {
      const clientId = crypto.randomUUID();
      useRealtimeStore.getState().addPending(conversationId, { clientId, text, createdAt: new Date().toISOString(), status: 'sending' });
      deliver(clientId, text);
    },
    [conversationId, deliver],
  );

  const retry = useCallback(
    (clientId: string) => {
      const pending = useRealtimeStore.getState().threads[conversationId]?.pending.find((item) => item.clientId === clientId);
      if (!pending) return;
      useRealtimeStore.getState().setPendingStatus(conversationId, clientId, 'sending');
      deliver(clientId, pending.text);
    },
    [conversationId, deliver],
  );

  return { send, retry };
}
