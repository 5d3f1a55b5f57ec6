import type { HistoryPage, Message, SyncChange, SyncPage } from '@parley/protocol';
import type { Realtime } from './realtime.js';

/** Reads the messages of a conversation after `seq` (`GET …/messages?after=`), one page at a time. */
export type FetchAfter = (conversationId: string, afterSeq: number) => Promise<HistoryPage>;

/** Reads the caller's changes after a sync cursor (`GET /api/sync?since=`); without one, a cursor for now. */
export type FetchChanges = (since?: string) => Promise<SyncPage>;

/** First wait before a failed catch-up is tried again (ms); doubled after each failure of the same conversation. */
export const CATCH_UP_RETRY_BASE_MS = 1_000;
/** Longest wait between two tries of a failing catch-up (ms). */
export const CATCH_UP_RETRY_MAX_MS = 30_000;

/**
 * Every message of the tracked conversations, to the application exactly once and in `seq` order per
 * conversation, whatever the socket does (docs/delivery.md). Live `message:new` events are the fast path.
 * After a reconnection (or the server's `sync:stale`), everything that changed while away is read through `/api/sync` from the cursor
 * taken at the first connection (one request for all conversations): new messages go through the same
 * `seq` checks as live ones, other changes (read positions, status, participants) to {@link onChange}.
 * A `seq` gap triggers a catch-up through history (`after` the highest `seq` delivered), and anything at
 * or below that `seq` is dropped as a repeat. Without `fetchChanges`, or when a sync fails, every tracked
 * conversation catches up through history instead. A failed catch-up is reported ({@link onError}) and tried
 * again while the socket is connected, after {@link CATCH_UP_RETRY_BASE_MS} doubling up to
 * {@link CATCH_UP_RETRY_MAX_MS}, so messages whose live events were missed arrive without waiting for another
 * message (a reconnection catches up anyway).
 */
export class MessageStream {
  private readonly highest = new Map<string, number>();
  private readonly catchUps = new Map<string, Promise<void>>();
  private readonly listeners = new Set<(message: Message) => void>();
  private readonly changeListeners = new Set<(change: SyncChange) => void>();
  private readonly errorListeners = new Set<(error: unknown) => void>();
  /** Per conversation: failed catch-ups in a row, and the timer of the next try. */
  private readonly retries = new Map<string, { failures: number; timer: ReturnType<typeof setTimeout> | null }>();
  private connectedBefore = false;
  /** The `/api/sync` cursor: everything before it has reached the application or was never its to see. */
  private cursor: string | null = null;
  private syncing: Promise<void> = Promise.resolve();

  constructor(
    private readonly realtime: Realtime,
    private readonly fetchAfter: FetchAfter,
    private readonly fetchChanges?: FetchChanges,
  ) {
    realtime.on('message:new', ({ message }) => this.receive(message));
    // The server's link to its other processes was down (issue 8): what they sent meanwhile comes through /api/sync.
    realtime.on('sync:stale', () => this.schedule(() => this.catchUpAll()));
    realtime.onStatus(({ state }) => {
      if (state !== 'connected') return;
      const reconnection = this.connectedBefore;
      this.connectedBefore = true;
      this.schedule(() => (reconnection ? this.catchUpAll() : this.ensureCursor()));
    });
  }

  /**
   * Delivers a conversation's messages after `seq` (the highest the application already holds, 0 for all).
   * Tracking an already tracked conversation never moves its position back.
   */
  track(conversationId: string, seq: number): void {
    this.highest.set(conversationId, Math.max(seq, this.highest.get(conversationId) ?? seq));
    if (this.connectedBefore) this.schedule(() => this.ensureCursor());
  }

  /** Stops tracking a conversation. */
  untrack(conversationId: string): void {
    this.highest.delete(conversationId);
    this.forgetRetry(conversationId);
  }

  /** Catches a tracked conversation up now (e.g. after the application was in the background); resolves when done. */
  sync(conversationId: string): Promise<void> {
    return this.catchUp(conversationId);
  }

  /** Calls `listener` for each message, once, in `seq` order per conversation; returns the unsubscribe function. */
  onMessage(listener: (message: Message) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Calls `listener` for each change other than a new message that a sync after a reconnection brought
   * (e.g. `conversation.read` while away), so the application can refresh what it shows; returns the unsubscribe function.
   */
  onChange(listener: (change: SyncChange) => void): () => void {
    this.changeListeners.add(listener);
    if (this.connectedBefore) this.schedule(() => this.ensureCursor());
    return () => this.changeListeners.delete(listener);
  }

  /** Hears catch-up failures (the next gap or reconnection tries again); returns the unsubscribe function. */
  onError(listener: (error: unknown) => void): () => void {
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  }

  private receive(message: Message): void {
    const held = this.highest.get(message.conversationId);
    if (held === undefined || message.seq <= held) return;
    if (message.seq === held + 1 && !this.catchUps.has(message.conversationId)) {
      this.deliver(message);
      return;
    }
    void this.catchUp(message.conversationId);
  }

  /** Runs sync work one piece at a time, in order. */
  private schedule(work: () => Promise<void>): void {
    this.syncing = this.syncing.then(work);
  }

  /**
   * Takes the sync cursor for "now" once something is followed (a tracked conversation or a change
   * listener) and the socket has connected: from then on, push covers what happens while connected.
   */
  private async ensureCursor(): Promise<void> {
    if (!this.fetchChanges || this.cursor !== null || (this.highest.size === 0 && this.changeListeners.size === 0)) return;
    try {
      this.cursor = (await this.fetchChanges()).cursor;
    } catch (error) {
      this.report(error);
    }
  }

  /**
   * After a reconnection: every change since the cursor, page by page. Without a cursor yet, or when the
   * sync fails, each tracked conversation catches up through history instead.
   */
  private async catchUpAll(): Promise<void> {
    if (this.fetchChanges && this.cursor !== null) {
      try {
        for (;;) {
          const page = await this.fetchChanges(this.cursor);
          for (const change of page.changes) {
            if (change.kind === 'message.created') this.receive(change.message);
            else for (const listener of this.changeListeners) listener(change);
          }
          this.cursor = page.cursor;
          if (!page.hasMore) return;
        }
      } catch (error) {
        this.report(error);
      }
    }
    await Promise.all([...this.highest.keys()].map((conversationId) => this.catchUp(conversationId)));
    await this.ensureCursor();
  }

  /** One catch-up at a time per conversation; a request during one runs once it ends. */
  private catchUp(conversationId: string): Promise<void> {
    const previous = this.catchUps.get(conversationId) ?? Promise.resolve();
    const next = previous.then(() => this.fetchMissing(conversationId));
    this.catchUps.set(conversationId, next);
    void next.finally(() => {
      if (this.catchUps.get(conversationId) === next) this.catchUps.delete(conversationId);
    });
    return next;
  }

  private async fetchMissing(conversationId: string): Promise<void> {
    try {
      for (;;) {
        const held = this.highest.get(conversationId);
        if (held === undefined) return;
        const page = await this.fetchAfter(conversationId, held);
        for (const message of page.items) if (message.seq > (this.highest.get(conversationId) ?? Infinity)) this.deliver(message);
        if (!page.hasMore || page.items.length === 0) break;
      }
      this.forgetRetry(conversationId);
    } catch (error) {
      this.report(error);
      this.retryLater(conversationId);
    }
  }

  private forgetRetry(conversationId: string): void {
    const retry = this.retries.get(conversationId);
    if (retry?.timer) clearTimeout(retry.timer);
    this.retries.delete(conversationId);
  }

  /** Tries a failed catch-up again after the backoff, unless one is already due or the socket is not connected then. */
  private retryLater(conversationId: string): void {
    const retry = this.retries.get(conversationId) ?? { failures: 0, timer: null };
    this.retries.set(conversationId, retry);
    if (retry.timer) return;
    const delay = Math.min(CATCH_UP_RETRY_MAX_MS, CATCH_UP_RETRY_BASE_MS * 2 ** retry.failures);
    retry.failures += 1;
    retry.timer = setTimeout(() => {
      retry.timer = null;
      if (this.highest.has(conversationId) && this.realtime.getStatus().state === 'connected') void this.catchUp(conversationId);
    }, delay);
    // Never keeps a Node.js process alive on its own.
    (retry.timer as { unref?: () => void }).unref?.();
  }

  private report(error: unknown): void {
    for (const listener of this.errorListeners) listener(error);
  }

  private deliver(message: Message): void {
    if (!this.highest.has(message.conversationId)) return;
    this.highest.set(message.conversationId, message.seq);
    for (const listener of this.listeners) listener(message);
  }
}
