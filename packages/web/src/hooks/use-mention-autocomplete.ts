import type { Participant } from '@parley/protocol';
import { useState, type KeyboardEvent } from 'react';
import { insertMention, matchingParticipants, typedMention } from '../lib/mentions.js';

/** The composer's mention suggestions and what the keyboard does with them. */
export interface MentionAutocomplete {
  /** The participants matching the mention being typed; empty when no list shows. */
  options: Participant[];
  /** Index of the option Enter would pick. */
  active: number;
  /** Inserts `@Full Name ` for `participant` in place of the typed mention. */
  pick: (participant: Participant) => void;
  /** Arrow keys move among the options, Enter or Tab picks, Escape closes; true when the key was handled here. */
  onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => boolean;
}

/**
 * Suggestions for the mention typed before `caret` in `text` (`@` and letters, docs/api.md § Mentions) among
 * `participants`. A pick calls `replace` with the new text and caret. Escape hides the list until another mention starts.
 */
export function useMentionAutocomplete(
  text: string,
  caret: number,
  participants: readonly Participant[],
  replace: (next: { text: string; caret: number }) => void,
): MentionAutocomplete {
  const mention = typedMention(text, caret);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const key = mention ? `${mention.start}:${mention.query}` : '';
  const [selection, setSelection] = useState({ key, index: 0 });
  const options = mention && mention.start !== dismissedAt ? matchingParticipants(participants, mention.query) : [];
  const active = selection.key === key ? Math.min(selection.index, options.length - 1) : 0;

  const pick = (participant: Participant) => {
    if (mention) replace(insertMention(text, mention, caret, participant.name));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const chosen = options[active];
    if (!chosen || !mention) return false;
    const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (step !== undefined) setSelection({ key, index: (active + step + options.length) % options.length });
    else if (event.key === 'Escape') setDismissedAt(mention.start);
    else if (event.key === 'Enter' || event.key === 'Tab') pick(chosen);
    else return false;
    event.preventDefault();
    return true;
  };
  return { options, active, pick, onKeyDown };
}
