import { useCallback, useEffect, useRef } from 'react';

/** The shortest interval between two `isTyping: true` notifications, in ms (the server's indicator lasts 6 s). */
export const TYPING_REPEAT_MS = 3000;

/** What the composer tells the typing notifier. */
export interface TypingNotifier {
  /** The text changed: notifies "typing" at most every {@link TYPING_REPEAT_MS}, or "stopped" when it became empty. */
  textChanged: (text: string) => void;
  /** The user sent or left: notifies "stopped" if "typing" was the last thing said. */
  stop: () => void;
}

/**
 * Throttles typing notifications (contract § Realtime `conversation:typing`): `true` when typing starts and
 * then at most every 3 s while it goes on; `false` on send, when the text empties, and on unmount.
 */
export function useTypingNotifier(onTyping: ((isTyping: boolean) => void) | undefined): TypingNotifier {
  const lastSentAt = useRef<number | null>(null);
  const callback = useRef(onTyping);
  useEffect(() => {
    callback.current = onTyping;
  }, [onTyping]);

  const stop = useCallback(() => {
    if (lastSentAt.current === null) return;
    lastSentAt.current = null;
    callback.current?.(false);
  }, []);

  const textChanged = useCallback(
    (text: string) => {
      if (text.trim() === '') {
        stop();
        return;
      }
      const now = Date.now();
      if (lastSentAt.current !== null && now - lastSentAt.current < TYPING_REPEAT_MS) return;
      lastSentAt.current = now;
      callback.current?.(true);
    },
    [stop],
  );

  useEffect(() => stop, [stop]);
  return { textChanged, stop };
}
