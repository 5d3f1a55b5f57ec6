import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** Distance from the bottom (px) within which the reader counts as "at the bottom". */
const BOTTOM_SLACK_PX = 48;
/** Distance from the top (px) at which older messages are requested. */
const LOAD_OLDER_PX = 120;

/** What the thread tells the scroll logic after each render. */
export interface StickToBottomInput {
  /** Highest stored seq (0 when empty); its growth means new messages below. */
  newestSeq: number;
  /** The newest stored message is the reader's own (sent from here or another device). */
  newestIsOwn: boolean;
  /** Optimistic messages shown; growth means the reader just sent one. */
  pendingCount: number;
  /** Lowest stored seq; its decrease means an older page arrived above. */
  oldestSeq: number | undefined;
  hasMoreBefore: boolean;
  loadingOlder: boolean;
  onLoadOlder: () => void;
}

/** What the log looked like after the previous render. */
interface Snapshot {
  newestSeq: number;
  pendingCount: number;
  oldestSeq: number | undefined;
  /** px */
  scrollHeight: number;
}

/** Scroll state and handlers for a scrollable message log. */
export interface StickToBottom {
  ref: RefObject<HTMLDivElement | null>;
  onScroll: () => void;
  /** The reader sees the bottom of the log (so the newest message). */
  atBottom: boolean;
  /** New messages arrived while the reader was scrolled up. */
  showNewMessages: boolean;
  jumpToBottom: () => void;
}

/**
 * Chat scrolling: follows new messages only when the reader is at the bottom (or just sent one), otherwise
 * raises `showNewMessages`; keeps the reader's place when older messages are inserted above (the container
 * should set `overflow-anchor: none` so the browser does not adjust it too); asks for older messages near the
 * top, or at once while the log does not fill its box.
 */
export function useStickToBottom(input: StickToBottomInput): StickToBottom {
  const { newestSeq, newestIsOwn, pendingCount, oldestSeq, hasMoreBefore, loadingOlder, onLoadOlder } = input;
  const ref = useRef<HTMLDivElement | null>(null);
  const atBottomRef = useRef(true);
  const [atBottom, setAtBottom] = useState(true);
  const [showNewMessages, setShowNewMessages] = useState(false);
  const previous = useRef<Snapshot>({ newestSeq: 0, pendingCount: 0, oldestSeq: undefined, scrollHeight: 0 });

  const jumpToBottom = useCallback(() => {
    const element = ref.current;
    if (element) element.scrollTop = element.scrollHeight;
    atBottomRef.current = true;
    setAtBottom(true);
    setShowNewMessages(false);
  }, []);

  // After every render: keep the place when older messages came in above, then follow or flag new ones below.
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const before = previous.current;
    if (oldestSeq !== undefined && before.oldestSeq !== undefined && oldestSeq < before.oldestSeq) {
      element.scrollTop += element.scrollHeight - before.scrollHeight;
    }
    const grew = newestSeq > before.newestSeq;
    if ((grew && before.newestSeq === 0) || pendingCount > before.pendingCount || (grew && (newestIsOwn || atBottomRef.current))) {
      jumpToBottom();
    } else if (grew) {
      setShowNewMessages(true);
    }
    previous.current = { newestSeq, pendingCount, oldestSeq, scrollHeight: element.scrollHeight };
  });

  // While the log does not fill its box, no scroll can reach the top: fetch older messages right away.
  useEffect(() => {
    const element = ref.current;
    if (element && hasMoreBefore && !loadingOlder && element.scrollHeight <= element.clientHeight) onLoadOlder();
  }, [oldestSeq, hasMoreBefore, loadingOlder, onLoadOlder]);

  const onScroll = useCallback(() => {
    const element = ref.current;
    if (!element) return;
    const bottom = element.scrollHeight - element.scrollTop - element.clientHeight <= BOTTOM_SLACK_PX;
    atBottomRef.current = bottom;
    setAtBottom(bottom);
    if (bottom) setShowNewMessages(false);
    if (element.scrollTop < LOAD_OLDER_PX && hasMoreBefore && !loadingOlder) onLoadOlder();
  }, [hasMoreBefore, loadingOlder, onLoadOlder]);

  return { ref, onScroll, atBottom, showNewMessages, jumpToBottom };
}
