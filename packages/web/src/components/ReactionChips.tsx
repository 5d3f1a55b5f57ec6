import type { Participant, Reaction } from '@parley/protocol';
import { senderName } from '../lib/sender-name.js';

/** The reactions under one message. */
export interface ReactionChipsProps {
  reactions: readonly Reaction[];
  /** For the names behind each chip (its tooltip). */
  participants: readonly Participant[];
  meId: string;
  /** Adds or removes the caller's own reaction; absent (chips disabled) where the caller cannot react. */
  onToggle?: (emoji: string) => void;
}

/**
 * One chip per emoji under a bubble: the emoji and its count, pressed (`aria-pressed`, highlighted) when the caller
 * is among those who reacted, the reacting people in its tooltip. A click toggles the caller's own reaction.
 */
export function ReactionChips({ reactions, participants, meId, onToggle }: ReactionChipsProps) {
  if (reactions.length === 0) return null;
  return (
    <ul aria-label="Reactions" className="mt-1 flex flex-wrap gap-1 px-1">
      {reactions.map((reaction) => (
        <li key={reaction.emoji}>
          <button
            type="button"
            aria-pressed={reaction.me}
            aria-label={`${reaction.emoji} ${reaction.count}`}
            title={reaction.userIds.map((userId) => senderName(userId, participants, meId)).join(', ')}
            disabled={!onToggle}
            onClick={() => onToggle?.(reaction.emoji)}
            className={`rounded-full border px-2 py-0.5 text-xs ${
              reaction.me ? 'border-sky-400 bg-sky-100 text-sky-900' : 'border-slate-200 bg-white text-slate-700'
            } enabled:hover:border-sky-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500`}
          >
            {reaction.emoji} {reaction.count}
          </button>
        </li>
      ))}
    </ul>
  );
}
