import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { applyOwnRead } from '../api/conversation-cache.js';
import { isUnauthenticated } from '../api/auth-errors.js';
import { useRealtimeStore } from '../store/realtime-store.js';
import { useSessionStore } from '../store/session-store.js';
import { useApi } from './use-api.js';

/**
 * Returns `markRead(seq)`, which moves the caller's read position to `seq` once (contract: `conversation:markRead`
 * over the socket while connected, `POST /api/conversations/:id/read` otherwise). Positions at or below
 * `lastReadSeq` or already sent are skipped; a failed call may be repeated. Mount it per conversation.
 */
export function useMarkRead(conversationId: string, lastReadSeq: number): (seq: number) => void {
  const api = useApi();
  const queryClient = useQueryClient();
  const marked = useRef(lastReadSeq);
  useEffect(() => {
    marked.current = Math.max(marked.current, lastReadSeq);
  }, [lastReadSeq]);

  return useCallback(
    (seq: number) => {
      if (seq <= marked.current) return;
      const previous = marked.current;
      marked.current = seq;
      const connected = useRealtimeStore.getState().connection.state === 'connected';
      const request = connected ? api.live.markRead(conversationId, seq) : api.reads.markRead(conversationId, seq);
      request.then(
        (state) => applyOwnRead(queryClient, { conversationId, lastReadSeq: state.lastReadSeq }),
        (error: unknown) => {
          marked.current = previous;
          if (isUnauthenticated(error)) useSessionStore.getState().expire();
        },
      );
    },
    [api, conversationId, queryClient],
  );
}
