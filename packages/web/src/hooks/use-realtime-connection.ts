import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { isUnauthenticated } from '../api/auth-errors.js';
import type { ParleyApi } from '../api/parley-api.js';
import { queryKeys } from '../api/query-keys.js';
import { useRealtimeStore } from '../store/realtime-store.js';
import { useSessionStore } from '../store/session-store.js';

/**
 * Opens the session's socket and closes it on unmount. Socket.IO reconnects by itself; the status goes to
 * the realtime store (for the banner), a refused handshake (`UNAUTHENTICATED`) ends the session, and the first
 * connection and each reconnection invalidate the conversation lists, which missed what came meanwhile
 * (contract § Realtime: events sent while disconnected are not replayed). Loaded threads catch up through the
 * SDK's message stream (see `useThreadHistory`).
 */
export function useRealtimeConnection(api: ParleyApi): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const store = useRealtimeStore.getState();
    const off = api.realtime.onStatus((status) => {
      const wasConnected = useRealtimeStore.getState().connection.state === 'connected';
      store.setConnection(status);
      if (status.error && isUnauthenticated(status.error)) useSessionStore.getState().expire();
      if (status.state === 'connected' && !wasConnected) void queryClient.invalidateQueries({ queryKey: queryKeys.conversationLists() });
    });
    api.realtime.connect();
    store.setConnection(api.realtime.getStatus());
    return () => {
      off();
      api.realtime.disconnect();
    };
  }, [api, queryClient]);
}
