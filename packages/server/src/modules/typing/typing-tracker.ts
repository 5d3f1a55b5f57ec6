import { TYPING_TIMEOUT_MS } from '@parley/protocol';

/** A typing state change, as the tracker reports it. */
export interface TypingChange {
  conversationId: string;
  userId: string;
  isTyping: boolean;
}

/**
 * Who is typing where. Lives between requests, so it sits behind this interface: in memory for
 * one process (below), Redis for many. A `true` expires into a `false` after `TYPING_TIMEOUT_MS`
 * (6000 ms, contract § Realtime) without a repeat.
 */
export interface TypingTracker {
  /**
   * Records a typing state; reports every `true`, and a `false` only when the user was typing. Resolves once
   * the change is recorded and reported; never rejects.
   */
  set(change: TypingChange): Promise<void>;
  /** Cancels every pending expiry. */
  close(): void;
}

/** In-memory tracker: one timer per (conversation, user) while typing; `onChange` hears every reported change. */
export function createMemoryTypingTracker(onChange: (change: TypingChange) => void, timeoutMs = TYPING_TIMEOUT_MS): TypingTracker {
  const timers = new Map<string, NodeJS.Timeout>();
  const keyOf = (change: TypingChange) => `${change.conversationId}\u0000${change.userId}`;

  return {
    set(change) {
      const key = keyOf(change);
      const pending = timers.get(key);
      if (pending) clearTimeout(pending);
      timers.delete(key);
      if (change.isTyping) {
        timers.set(
          key,
          setTimeout(() => {
            timers.delete(key);
            onChange({ ...change, isTyping: false });
          }, timeoutMs),
        );
        onChange(change);
      } else if (pending) {
        onChange(change);
      }
      return Promise.resolve();
    },
    close() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
