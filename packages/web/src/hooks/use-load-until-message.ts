import { useEffect, useState } from 'react';
import type { ThreadHistory } from './use-thread-history.js';

/** Most older pages read to find a message opened from a search result (50 messages each: 1,000 messages). */
export const MAX_PAGES_BACK = 20;

/** Where the search for a message in the open thread stands. */
export type LoadUntilStatus = 'idle' | 'loading' | 'found' | 'not-found';

/**
 * Pages the open thread back (`messages.list` with `before`, through `history.loadOlder`) until it holds message
 * `messageId` (opened from a search result), reading at most {@link MAX_PAGES_BACK} pages: 'found' once it is held,
 * 'not-found' when the history ends or the bound is reached without it, 'idle' without a message to find.
 */
export function useLoadUntilMessage(messageId: string | null, history: ThreadHistory): LoadUntilStatus {
  const [pages, setPages] = useState({ messageId, read: 0 });
  const read = pages.messageId === messageId ? pages.read : 0;
  const { thread, loadingOlder, loadOlder } = history;
  const loaded = thread?.loaded === true;
  const held = messageId !== null && thread?.messages.some((message) => message.id === messageId) === true;
  const canPage = loaded && !held && thread.hasMoreBefore && read < MAX_PAGES_BACK;

  useEffect(() => {
    if (messageId === null || !canPage || loadingOlder) return;
    setPages({ messageId, read: read + 1 });
    loadOlder();
  }, [messageId, canPage, loadingOlder, loadOlder, read]);

  if (messageId === null) return 'idle';
  if (held) return 'found';
  return loaded && !canPage && !loadingOlder ? 'not-found' : 'loading';
}
