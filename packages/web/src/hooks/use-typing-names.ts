import type { Participant } from '@parley/protocol';
import { useEffect, useMemo, useState } from 'react';
import { useRealtimeStore } from '../store/realtime-store.js';

/**
 * Names of the participants typing in a conversation now. An indicator lapses at its expiry (the
 * contract's 6 s without a repeat) even when no `isTyping: false` arrives; a timer re-renders at that moment.
 */
export function useTypingNames(conversationId: string, participants: readonly Participant[]): string[] {
  const typing = useRealtimeStore((state) => state.typing[conversationId]);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => setNow(Date.now()), [typing]);
  useEffect(() => {
    const expiries = Object.values(typing ?? {}).filter((expiresAt) => expiresAt > now);
    if (expiries.length === 0) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(...expiries) - now + 10);
    return () => clearTimeout(timer);
  }, [typing, now]);
  return useMemo(
    () =>
      Object.entries(typing ?? {})
        .filter(([, expiresAt]) => expiresAt > now)
        .map(([userId]) => participants.find((participant) => participant.userId === userId)?.name ?? 'Someone'),
    [typing, now, participants],
  );
}
