import type { Participant } from '@parley/protocol';
import { useRealtimeStore } from '../store/realtime-store.js';

/**
 * The highest read position among the other participants of a conversation: the larger of what the
 * conversation said when loaded (`participants[].lastReadSeq`) and the `conversation:read` / `message:read`
 * events received since. An own message with `seq` at or below it has been read. 0 when no read is known.
 */
export function useOthersReadSeq(conversationId: string, meId: string, participants: readonly Participant[]): number {
  const live = useRealtimeStore((state) => {
    const reads = state.reads[conversationId] ?? {};
    return Object.entries(reads).reduce((highest, [userId, seq]) => (userId === meId ? highest : Math.max(highest, seq)), 0);
  });
  return participants.reduce((highest, p) => (p.userId === meId ? highest : Math.max(highest, p.lastReadSeq)), live);
}
