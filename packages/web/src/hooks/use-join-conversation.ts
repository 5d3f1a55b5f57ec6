import { useEffect } from 'react';
import { useRealtimeStore } from '../store/realtime-store.js';
import { useApi } from './use-api.js';

/**
 * Tells the server the caller is viewing a conversation (`conversation:join`) while the socket is connected,
 * again after each reconnection, and `conversation:leave` when the view closes. Refusals are harmless here:
 * the REST read of the conversation reports `NOT_FOUND` to the user.
 */
export function useJoinConversation(conversationId: string): void {
  const api = useApi();
  const connected = useRealtimeStore((state) => state.connection.state === 'connected');
  useEffect(() => {
    if (!connected) return;
    api.live.join(conversationId).catch(() => undefined);
    return () => {
      if (useRealtimeStore.getState().connection.state === 'connected') api.live.leave(conversationId).catch(() => undefined);
    };
  }, [api, conversationId, connected]);
}
