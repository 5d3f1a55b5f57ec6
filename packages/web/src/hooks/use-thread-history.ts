import { useCallback, useEffect, useRef, useState } from 'react';
import { isUnauthenticated } from '../api/auth-errors.js';
import { useRealtimeStore } from '../store/realtime-store.js';
import { useSessionStore } from '../store/session-store.js';
import { contiguousSeq, type ThreadState } from '../store/thread-state.js';
import { useApi } from './use-api.js';

/** Messages per history request (contract: 1..100). */
const PAGE_SIZE = 50;
/** Catch-up reads pages of the largest size the contract allows. */
const CATCH_UP_PAGE_SIZE = 100;

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
 * demand (`before` the oldest seq held), and, whenever the thread is stale (a reconnection, or a live message
 * that skipped a seq), every page `after` the highest seq held without a gap until `hasMore` is false.
 */
export function useThreadHistory(conversationId: string): ThreadHistory {
  const api = useApi();
  const thread = useRealtimeStore((state) => state.threads[conversationId]);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const olderInFlight = useRef(false);
  const catchUpInFlight = useRef(false);

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

  const reconnects = useRealtimeStore((state) => state.reconnects);
  const stale = thread?.loaded === true && thread.stale;
  useEffect(() => {
    if (!stale || catchUpInFlight.current) return;
    catchUpInFlight.current = true;
    const catchUp = async () => {
      for (;;) {
        const held = useRealtimeStore.getState().threads[conversationId];
        if (!held) return;
        const page = await api.messages.list(conversationId, { after: contiguousSeq(held), limit: CATCH_UP_PAGE_SIZE });
        useRealtimeStore.getState().loadNewer(conversationId, page, !page.hasMore);
        if (!page.hasMore || page.items.length === 0) return;
      }
    };
    catchUp()
      .catch(onError)
      .finally(() => {
        catchUpInFlight.current = false;
      });
    // `reconnects`: a catch-up that failed is tried again at the next reconnection.
  }, [api, conversationId, stale, reconnects, onError]);

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
