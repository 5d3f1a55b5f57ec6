import type { HistoryPage, Message } from '@parley/protocol';
import type { Realtime } from './realtime.js';

/** Reads the messages of a conversation after `seq` (`GET …/messages?after=`), one page at a time. */
export type FetchAfter = (conversationId: string, afterSeq: number) => Promise<HistoryPage>;

/**
 * Every message of the tracked conversations, to the application exactly once and in `seq` order per
 * conversation, whatever the socket does (docs/delivery.md). Live `message:new` events are the fast path;
 * a `seq` gap, or a reconnection, triggers a catch-up through history (`after` the highest `seq` delivered),
 * and anything at or below that `seq` is dropped as a repeat.
 */
export class MessageStream {
  private readonly highest = new Map<string, number>();
  private readonly catchUps = new Map<string, Promise<void>>();
  private readonly listeners = new Set<(message: Message) => void>();
  private readonly errorListeners = new Set<(error: unknown) => void>();
  private connectedBefore = false;

  constructor(
    realtime: Realtime,
    private readonly fetchAfter: FetchAfter,
  ) {
    realtime.on('message:new', ({ message }) => this.receive(message));
    realtime.onStatus(({ state }) => {
      if (state !== 'connected') return;
      if (this.connectedBefore) for (const conversationId of this.highest.keys()) void this.catchUp(conversationId);
      this.connectedBefore = true;
    });
  }

  /**
   * Delivers a conversation's messages after `seq` (the highest the application already holds, 0 for all).
   * Tracking an already tracked conversation never moves its position back.
   */
  track(conversationId: string, seq: number): void {
    this.highest.set(conversationId, Math.max(seq, this.highest.get(conversationId) ?? seq));
  }

  /** Stops tracking a conversation. */
  untrack(conversationId: string): void {
    this.highest.delete(conversationId);
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
        if (!page.hasMore || page.items.length === 0) return;
      }
    } catch (error) {
      for (const listener of this.errorListeners) listener(error);
    }
  }

  private deliver(message: Message): void {
    if (!this.highest.has(message.conversationId)) return;
    this.highest.set(message.conversationId, message.seq);
    for (const listener of this.listeners) listener(message);
  }
}
