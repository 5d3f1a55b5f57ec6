import type { SendMessageBody } from '@parley/protocol';
import { useCallback } from 'react';
import { useApi } from './use-api.js';

/** A new message as the composer hands it over. */
export interface OutgoingMessage {
  text: string;
  replyToId?: string | undefined;
  /** Uploaded attachments (`api.attachments.upload`), in order; the text is then optional. */
  attachmentIds?: readonly string[] | undefined;
}

/** The outbox body of `message`: only the fields it has (an empty caption is left out). */
export function sendBody({ text, replyToId, attachmentIds }: OutgoingMessage): SendMessageBody {
  const files = attachmentIds && attachmentIds.length > 0 ? { attachmentIds: [...attachmentIds] } : {};
  return { ...(text || !files.attachmentIds ? { text } : {}), ...(replyToId ? { replyToId } : {}), ...files };
}

/** Sending in one conversation: `send` a new message, `retry` a failed one. */
export interface MessageSender {
  /**
   * Shows the message at once as "sending" and sends it through the outbox with a fresh `clientId`: `text` (a caption,
   * possibly empty, beside `attachmentIds`, the uploads it claims), `replyToId` quoting a message.
   */
  send: (message: OutgoingMessage) => void;
  /** Sends a failed message again with the SAME `clientId`, so the server never stores it twice. */
  retry: (clientId: string) => void;
}

/**
 * Sending through the SDK's outbox (`api.outbox`): it gives each message a `clientId`, sends it over the socket
 * while connected and over REST otherwise, and retries with that same key after network failures, lost
 * acknowledgements and rate limits (contract § Conversations and messages: a repeated `clientId` returns the stored
 * message). What the bubble shows follows the outbox's entries (`useOutboxSync`).
 */
export function useSendMessage(conversationId: string): MessageSender {
  const api = useApi();

  const send = useCallback(
    (message: OutgoingMessage) => {
      // The outbox never rejects: every outcome is an entry status, reported to `useOutboxSync`.
      void api.outbox.send(conversationId, sendBody(message));
    },
    [api, conversationId],
  );

  const retry = useCallback(
    (clientId: string) => {
      // Only a failed entry can be retried (the outbox throws otherwise): a second click lands after the first.
      if (!api.outbox.unsent().some((entry) => entry.clientId === clientId && entry.status === 'failed')) return;
      void api.outbox.retry(clientId);
    },
    [api],
  );

  return { send, retry };
}
