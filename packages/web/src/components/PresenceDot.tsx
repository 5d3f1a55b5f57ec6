import type { Participant } from '@parley/protocol';
import { presenceText } from '../lib/presence-text.js';

/** A small dot beside a participant's name: green while online; its accessible name is "online" or "last seen 5 min. ago". */
export function PresenceDot({ participant, now }: { participant: Pick<Participant, 'online' | 'lastSeenAt'>; now: number }) {
  const label = presenceText(participant, now);
  return (
    <span
      role="img"
      aria-label={label}
      title={label}
      data-online={participant.online}
      className={`inline-block size-2 shrink-0 rounded-full ${participant.online ? 'bg-emerald-500' : 'border border-slate-400 bg-transparent'}`}
    />
  );
}
