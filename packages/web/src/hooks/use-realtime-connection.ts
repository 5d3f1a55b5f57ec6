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
 * connection and each reconnection invalidate the conversation lists and mark loaded threads stale so that what
 * was missed is fetched (contract § Realtime: events sent while disconnected are not replayed; history or a list
 * fetched before the first connection misses what was sent until the socket joined its rooms).
 */
export function useRealtimeConnection(api: ParleyApi): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const store = useRealtimeStore.getState();
    const off = api.realtime.onStatus((status) => {
      const before = useRealtimeStore.getState();
      store.setConnection(status);
      if (status.error && isUnauthenticated(status.error)) useSessionStore.getState().expire();
      const after = useRealtimeStore.getState();
      // The first connection too: a thread or list fetched before the socket joined its rooms missed what came meanwhile.
      if (after.reconnects > before.reconnects || (after.everConnected && !before.everConnected)) {
        store.markThreadsStale();
        void queryClient.invalidateQueries({ queryKey: queryKeys.conversationLists() });
      }
    });
    api.realtime.connect();
    store.setConnection(api.realtime.getStatus());
    return () => {
      off();
      api.realtime.disconnect();
    };
  }, [api, queryClient]);
}
