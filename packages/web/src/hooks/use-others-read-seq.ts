import { useRealtimeStore } from '../store/realtime-store.js';

/**
 * The highest read position among the other participants of a conversation, from the `conversation:read` and
 * `message:read` events received in this session (the API only tells each caller their own `lastReadSeq`).
 * An own message with `seq` at or below it has been read. 0 when no read is known.
 */
export function useOthersReadSeq(conversationId: string, meId: string): number {
  return useRealtimeStore((state) => {
    const reads = state.reads[conversationId] ?? {};
    return Object.entries(reads).reduce((highest, [userId, seq]) => (userId === meId ? highest : Math.max(highest, seq)), 0);
  });
}
