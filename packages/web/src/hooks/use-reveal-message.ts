import { useEffect, useState } from 'react';

/** How long a revealed message stays marked, in ms. */
export const REVEAL_HIGHLIGHT_MS = 2500;

/**
 * Scrolls the message `messageId` (rendered with the DOM id `message-<id>`) to the middle of its scroll box once it
 * is rendered, and answers its id for {@link REVEAL_HIGHLIGHT_MS} ms so the thread can mark it. Each id is revealed
 * once; null reveals nothing.
 */
export function useRevealMessage(messageId: string | null): string | null {
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const [revealed, setRevealed] = useState<string | null>(null);
  useEffect(() => {
    if (messageId === null || messageId === revealed) return;
    const element = document.getElementById(`message-${messageId}`);
    if (!element) return;
    element.scrollIntoView({ block: 'center' });
    setRevealed(messageId);
    setHighlighted(messageId);
  });
  useEffect(() => {
    if (highlighted === null) return;
    const timer = setTimeout(() => setHighlighted(null), REVEAL_HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [highlighted]);
  return highlighted;
}
