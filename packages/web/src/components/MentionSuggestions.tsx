import type { Participant } from '@parley/protocol';

/** The options to show and what a click does. */
export interface MentionSuggestionsProps {
  id: string;
  options: readonly Participant[];
  /** Index of the option the keyboard points at (`aria-selected`). */
  active: number;
  onPick: (participant: Participant) => void;
}

/** The DOM id of option `index` of the list `listId`, for the textbox's `aria-activedescendant`. */
export function mentionOptionId(listId: string, index: number): string {
  return `${listId}-option-${index}`;
}

/**
 * The composer's "Mention suggestions" listbox above the textbox: one option per matching participant, the active
 * one marked. Focus stays in the textbox (its `aria-activedescendant` names the active option); a click picks one.
 */
export function MentionSuggestions({ id, options, active, onPick }: MentionSuggestionsProps) {
  return (
    <ul id={id} role="listbox" aria-label="Mention suggestions" className="mb-1 max-h-48 overflow-y-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg">
      {options.map((participant, index) => (
        <li
          key={participant.userId}
          id={mentionOptionId(id, index)}
          role="option"
          aria-selected={index === active}
          // Keeps the focus (and the caret) in the textbox while the mouse picks.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onPick(participant)}
          className="cursor-pointer px-3 py-1.5 aria-selected:bg-sky-100 hover:bg-slate-100"
        >
          {participant.name}
        </li>
      ))}
    </ul>
  );
}
