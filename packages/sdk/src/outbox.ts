import type { Message, SendMessageBody } from '@parley/protocol';
import { ParleyError } from './errors.js';

/** Where a send stands: waiting for (another) attempt, stored by the server, or given up. */
export type OutboxStatus = 'pending' | 'sent' | 'failed';

/** One message on its way. `clientId` is its idempotency key, the same on every attempt. */
export interface OutboxEntry {
  readonly clientId: string;
  readonly conversationId: string;
  readonly body: SendMessageBody & { clientId: string };
  status: OutboxStatus;
  attempts: number;
  /** The stored message, once `sent`. */
  message: Message | null;
  /** The last refusal, once `failed` (or while retrying). */
  error: ParleyError | null;
}

/** Retry policy; delays in ms. */
export interface OutboxOptions {
  /** Attempts before an entry is `failed` (default 6). */
  maxAttempts?: number;
  /** First retry delay; doubles per attempt (default 500 ms), capped by `maxDelayMs` (default 10 000 ms). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Makes idempotency keys (default `crypto.randomUUID()`). */
  newClientId?: () => string;
}

/** Errors worth another attempt with the same `clientId`: nothing was refused on its merits. */
const RETRYABLE = new Set(['NETWORK_ERROR', 'RATE_LIMITED', 'INTERNAL', 'BAD_RESPONSE']);

/**
 * Sends messages so that none is lost or doubled: each gets a `clientId` and is retried with that same
 * key after a network failure, a lost acknowledgement, a rate limit (waiting `retryAfterMs`) or a server
 * error, with exponential backoff. The server stores one message per key and answers retries with it
 * (contract § Conversations and messages; docs/delivery.md, guarantee 2). A refusal on the merits
 * (`VALIDATION_FAILED`, `NOT_FOUND`, `CONVERSATION_READ_ONLY`, `IDEMPOTENCY_CONFLICT`, …) fails the entry at once;
 * {@link retry} sends a failed entry again with the same key.
 */
export class Outbox {
  private readonly entries = new Map<string, OutboxEntry>();
  private readonly listeners = new Set<(entry: OutboxEntry) => void>();
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly newClientId: () => string;

  constructor(
    private readonly transport: (conversationId: string, body: SendMessageBody) => Promise<Message>,
    options: OutboxOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? 6;
    this.baseDelayMs = options.baseDelayMs ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 10_000;
    this.newClientId = options.newClientId ?? (() => crypto.randomUUID());
  }

  /**
   * Queues a message (a `clientId` is made unless given) and starts sending it. Resolves with the entry
   * once it is `sent` or `failed`; watch {@link onChange} for the `pending` state in between.
   */
  send(conversationId: string, body: SendMessageBody): Promise<OutboxEntry> {
    const clientId = body.clientId ?? this.newClientId();
    const entry: OutboxEntry = { clientId, conversationId, body: { ...body, clientId }, status: 'pending', attempts: 0, message: null, error: null };
    this.entries.set(clientId, entry);
    this.notify(entry);
    return this.run(entry);
  }

  /** Sends a `failed` entry again with its original `clientId`. Throws `NOT_FOUND` for an unknown or unfailed entry. */
  retry(clientId: string): Promise<OutboxEntry> {
    const entry = this.entries.get(clientId);
    if (entry?.status !== 'failed') throw new ParleyError('NOT_FOUND', `No failed send ${clientId}`, 0);
    entry.status = 'pending';
    entry.attempts = 0;
    entry.error = null;
    this.notify(entry);
    return this.run(entry);
  }

  /** Entries not yet sent (pending or failed), oldest first. Sent entries are dropped once reported. */
  unsent(): OutboxEntry[] {
    return [...this.entries.values()].filter((entry) => entry.status !== 'sent');
  }

  /** Calls `listener` on every status change of any entry; returns the unsubscribe function. */
  onChange(listener: (entry: OutboxEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async run(entry: OutboxEntry): Promise<OutboxEntry> {
    for (;;) {
      entry.attempts += 1;
      try {
        entry.message = await this.transport(entry.conversationId, entry.body);
        entry.status = 'sent';
        entry.error = null;
        this.entries.delete(entry.clientId);
        this.notify(entry);
        return entry;
      } catch (error) {
        const failure = error instanceof ParleyError ? error : new ParleyError('NETWORK_ERROR', String(error), 0);
        entry.error = failure;
        if (!RETRYABLE.has(failure.code) || entry.attempts >= this.maxAttempts) {
          entry.status = 'failed';
          this.notify(entry);
          return entry;
        }
        await delay(this.delayBefore(entry.attempts, failure));
      }
    }
  }

  /** Backoff before attempt `attempts + 1`: the server's `retryAfterMs` if given, else exponential. */
  private delayBefore(attempts: number, failure: ParleyError): number {
    if (failure.retryAfterMs !== undefined) return failure.retryAfterMs;
    return Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempts - 1));
  }

  private notify(entry: OutboxEntry): void {
    for (const listener of this.listeners) listener(entry);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
