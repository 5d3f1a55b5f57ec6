import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { OutboxEntry } from '@parley/sdk';
import { isUnauthenticated } from '../api/auth-errors.js';
import { applyNewMessage } from '../api/conversation-cache.js';
import type { ParleyApi } from '../api/parley-api.js';
import { queryKeys } from '../api/query-keys.js';
import { sendingFilesText } from '../lib/attachment-summary.js';
import { useRealtimeStore } from '../store/realtime-store.js';
import { useSessionStore } from '../store/session-store.js';

/**
 * Shows the SDK outbox's entries (`api.outbox`, packages/sdk/README.md § the outbox) in the threads for the whole
 * session, so a send that ends after its view closed still lands: `pending` (first attempt or automatic retries with
 * the same `clientId`) as a "sending" bubble, `failed` as "failed" with its Retry button, and `sent` replaced by the
 * stored message, which also updates the inbox. The stored copy may come first from the message stream instead;
 * whichever comes second changes nothing.
 */
export function useOutboxSync(api: ParleyApi, meId: string): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const off = api.outbox.onChange((entry) => {
      const store = useRealtimeStore.getState();
      if (entry.status === 'sent' && entry.message) {
        store.receiveMessage(entry.message, meId);
        applyNewMessage(queryClient, entry.message, meId);
        return;
      }
      const text = entry.body.text || sendingFilesText(entry.body.attachmentIds?.length ?? 0);
      store.putPending(entry.conversationId, { clientId: entry.clientId, text, status: entry.status === 'failed' ? 'failed' : 'sending' });
      if (entry.status === 'failed') onRefused(queryClient, entry);
    });
    return () => {
      off();
    };
  }, [api, meId, queryClient]);
}

/**
 * A send given up: a refused token ends the session; `CONVERSATION_READ_ONLY` or `CONVERSATION_LOCKED` refetches the
 * conversation, so the composer says why it is closed (contract § Errors).
 */
function onRefused(queryClient: QueryClient, entry: OutboxEntry): void {
  if (isUnauthenticated(entry.error)) useSessionStore.getState().expire();
  if (entry.error?.code === 'CONVERSATION_READ_ONLY' || entry.error?.code === 'CONVERSATION_LOCKED') {
    void queryClient.invalidateQueries({ queryKey: queryKeys.conversation(entry.conversationId) });
  }
}
