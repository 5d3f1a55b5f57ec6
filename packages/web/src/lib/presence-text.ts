import type { Participant } from '@parley/protocol';
import { formatRelativeTime } from './format-time.js';

/** A participant's presence in words: "online", "last seen 5 min. ago", or "offline" when never seen. */
export function presenceText(participant: Pick<Participant, 'online' | 'lastSeenAt'>, now: number): string {
  if (participant.online) return 'online';
  return participant.lastSeenAt ? `last seen ${formatRelativeTime(participant.lastSeenAt, now)}` : 'offline';
}
