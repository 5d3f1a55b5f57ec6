import { useCallback, useEffect, useRef, useState } from 'react';
import { isUnauthenticated } from '../api/auth-errors.js';
import { useRealtimeStore } from '../store/realtime-store.js';
import { useSessionStore } from '../store/session-store.js';
import { contiguousSeq, type ThreadState } from '../store/thread-state.js';
import { useApi } from './use-api.js';

/** Messages per history request (contract: 1..100). */
const PAGE_SIZE = 50;

/** A thread's history and the ways to extend it. */
export interface ThreadHistory {
  thread: ThreadState | undefined;
  /** The error of the newest page, if it failed (e.g. `NOT_FOUND`). */
  error: unknown;
  loadingOlder: boolean;
  /** Fetches the page just below the oldest message held (`before`); no-op while one is in flight or none remain. */
  loadOlder: () => void;
  /** Fetches the newest page again after an error. */
  retry: () => void;
}

/**
 * The history of one conversation, kept by `seq` in the realtime store: the newest page first, older pages on
 * demand (`before` the oldest seq held). Newer messages come from the SDK's message stream (`api.stream`, routed
 * into the store by `useRealtimeEvents`): once the newest page is in and the socket has connected, the
 * conversation is tracked from the highest seq held without a gap and synced once, which fetches what was stored
 * after the page was read, or before the socket joined its rooms. From then on the stream delivers each message
 * once and in order, and catches up by itself after a seq gap or a reconnection. Closing the view untracks it;
 * opening it again tracks it from what the store still holds, which fetches only what came meanwhile.
 */
export function useThreadHistory(conversationId: string): ThreadHistory {
  const api = useApi();
  const thread = useRealtimeStore((state) => state.threads[conversationId]);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const olderInFlight = useRef(false);

  const onError = useCallback((cause: unknown) => {
    if (isUnauthenticated(cause)) useSessionStore.getState().expire();
    setError(cause);
  }, []);

  useEffect(() => {
    const store = useRealtimeStore.getState();
    if (store.threads[conversationId]?.loaded) return;
    store.openThread(conversationId);
    setError(null);
    let current = true;
    api.messages.list(conversationId, { limit: PAGE_SIZE }).then(
      (page) => current && store.loadNewest(conversationId, page),
      (cause: unknown) => current && onError(cause),
    );
    return () => {
      current = false;
    };
  }, [api, conversationId, attempt, onError]);

  const loaded = thread?.loaded === true;
  const everConnected = useRealtimeStore((state) => state.everConnected);
  useEffect(() => {
    const held = useRealtimeStore.getState().threads[conversationId];
    if (!loaded || !everConnected || !held) return;
    api.stream.track(conversationId, contiguousSeq(held));
    // Catch-up failures reach `api.stream.onError`; the stream tries again on its own (1 s doubling to 30 s).
    void api.stream.sync(conversationId);
    return () => api.stream.untrack(conversationId);
  }, [api, conversationId, loaded, everConnected]);

  const hasMoreBefore = thread?.hasMoreBefore === true;
  const oldestSeq = thread?.messages[0]?.seq;
  const loadOlder = useCallback(() => {
    if (!hasMoreBefore || oldestSeq === undefined || olderInFlight.current) return;
    olderInFlight.current = true;
    setLoadingOlder(true);
    api.messages
      .list(conversationId, { before: oldestSeq, limit: PAGE_SIZE })
      .then((page) => useRealtimeStore.getState().loadOlder(conversationId, page), onError)
      .finally(() => {
        olderInFlight.current = false;
        setLoadingOlder(false);
      });
  }, [api, conversationId, hasMoreBefore, oldestSeq, onError]);

  const retry = useCallback(() => setAttempt((value) => value + 1), []);
  return { thread, error, loadingOlder, loadOlder, retry };
}
