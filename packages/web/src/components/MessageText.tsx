import type { Participant } from '@parley/protocol';
import { useMemo } from 'react';
import { splitMentions } from '../lib/mentions.js';
import { LinkifiedText } from './LinkifiedText.js';

/** A stored message's text: {@link LinkifiedText}, with the `@Name` tokens of participants set apart. */
export function MessageText({ text, participants }: { text: string; participants: readonly Participant[] }) {
  const parts = useMemo(() => splitMentions(text, participants), [text, participants]);
  return (
    <span className="whitespace-pre-wrap break-words">
      {parts.map((part, index) =>
        part.kind === 'mention' ? (
          <span key={index} data-mention={part.userId} className="rounded bg-black/10 px-0.5 font-semibold">
            {part.text}
          </span>
        ) : (
          <LinkifiedText key={index} text={part.text} />
        ),
      )}
    </span>
  );
}
