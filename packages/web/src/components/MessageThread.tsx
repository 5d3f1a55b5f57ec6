import type { Message, Participant } from '@parley/protocol';
import { useEffect, useMemo } from 'react';
import { formatDayLabel } from '../lib/format-time.js';
import { layoutThread, type PendingMessage } from '../lib/message-layout.js';
import { useDocumentVisible } from '../hooks/use-document-visible.js';
import type { MessageActions } from '../hooks/use-message-actions.js';
import { useRevealMessage } from '../hooks/use-reveal-message.js';
import { useStickToBottom } from '../hooks/use-stick-to-bottom.js';
import { DaySeparator } from './DaySeparator.js';
import { MessageGroup } from './MessageGroup.js';
import { SystemMessage } from './SystemMessage.js';

/** Everything the thread shows; it fetches nothing itself. */
export interface MessageThreadProps {
  /** Stored messages in ascending `seq`, one per seq. */
  messages: readonly Message[];
  /** The caller's optimistic messages, shown after the stored ones. */
  pending: readonly PendingMessage[];
  meId: string;
  /** The conversation's participants, for names and role badges. */
  participants: readonly Participant[];
  /** Highest `lastReadSeq` among the other participants (0 when none is known). */
  othersReadSeq: number;
  hasMoreBefore: boolean;
  loadingOlder: boolean;
  /** Asks for the page before the oldest message (upward infinite scroll). */
  onLoadOlder: () => void;
  /** Sends a failed message again (same `clientId`). */
  onRetry: (clientId: string) => void;
  /** Called with the newest seq while it is visible (the reader is at the bottom) and the tab is visible. */
  onNewestSeen: (seq: number) => void;
  /** What the messages' actions menus and reaction chips do. */
  actions: MessageActions;
  /** A message to scroll to and mark briefly once it is shown (opened from a search result); null for none. */
  revealMessageId: string | null;
  /** "Now" for day labels (ms since the epoch); the current time by default. */
  now?: number;
}

/**
 * The message history: a scrollable log (role "log", polite, labelled "Messages") with day separators,
 * sender groups and system messages; upward infinite scroll; a "New messages" button when messages
 * arrive while the reader is scrolled up; and the message a search result opened scrolled into view and marked.
 */
export function MessageThread(props: MessageThreadProps) {
  const { messages, pending, meId, participants, othersReadSeq, hasMoreBefore, loadingOlder, onLoadOlder, onRetry, onNewestSeen, actions } = props;
  const rows = useMemo(() => layoutThread(messages, pending, meId), [messages, pending, meId]);
  const newest = messages.at(-1);
  const newestSeq = newest?.seq ?? 0;
  const scroll = useStickToBottom({
    newestSeq,
    newestIsOwn: newest?.senderId === meId,
    pendingCount: pending.length,
    oldestSeq: messages[0]?.seq,
    hasMoreBefore,
    loadingOlder,
    onLoadOlder,
  });
  const highlightedId = useRevealMessage(props.revealMessageId);
  const visible = useDocumentVisible();
  useEffect(() => {
    if (scroll.atBottom && visible && newestSeq > 0) onNewestSeen(newestSeq);
  }, [scroll.atBottom, visible, newestSeq, onNewestSeen]);
  const now = props.now ?? Date.now();

  return (
    <div className="relative flex min-h-0 flex-1 flex-col">
      <div
        ref={scroll.ref}
        onScroll={scroll.onScroll}
        role="log"
        aria-live="polite"
        aria-label="Messages"
        tabIndex={0}
        className="min-h-0 flex-1 overflow-y-auto px-4 py-2 [overflow-anchor:none] focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
      >
        {hasMoreBefore && (
          <div className="flex justify-center py-2">
            <button type="button" onClick={onLoadOlder} disabled={loadingOlder} className="rounded px-2 py-1 text-xs text-sky-700 hover:bg-sky-50 disabled:text-slate-400">
              {loadingOlder ? 'Loading earlier messages…' : 'Load earlier messages'}
            </button>
          </div>
        )}
        {!hasMoreBefore && messages.length > 0 && <p className="py-2 text-center text-xs text-slate-400">Beginning of the conversation</p>}
        {rows.map((row) => {
          if (row.kind === 'day') return <DaySeparator key={row.key} label={formatDayLabel(row.at, now)} />;
          if (row.kind === 'system') return <SystemMessage key={row.key} message={row.message} />;
          return (
            <MessageGroup
              key={row.key}
              items={row.items}
              sender={participants.find((participant) => participant.userId === row.senderId)}
              own={row.senderId === meId}
              othersReadSeq={othersReadSeq}
              onRetry={onRetry}
              participants={participants}
              meId={meId}
              actions={actions}
              highlightedId={highlightedId}
            />
          );
        })}
      </div>
      {scroll.showNewMessages && (
        <button
          type="button"
          onClick={scroll.jumpToBottom}
          className="absolute bottom-3 left-1/2 -translate-x-1/2 rounded-full bg-sky-600 px-4 py-1.5 text-sm font-medium text-white shadow-lg hover:bg-sky-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-300"
        >
          New messages <span aria-hidden="true">↓</span>
        </button>
      )}
    </div>
  );
}
