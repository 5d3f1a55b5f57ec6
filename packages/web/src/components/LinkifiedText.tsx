import { useMemo } from 'react';
import { splitLinks } from '../lib/linkify.js';

/**
 * Message text rendered as text (React escapes it; never `dangerouslySetInnerHTML`), line breaks kept,
 * with http(s) URLs as links that open in a new tab without access to this page (`rel="noopener noreferrer"`).
 */
export function LinkifiedText({ text }: { text: string }) {
  const parts = useMemo(() => splitLinks(text), [text]);
  return (
    <span className="whitespace-pre-wrap break-words">
      {parts.map((part, index) =>
        part.kind === 'link' ? (
          <a key={index} href={part.href} target="_blank" rel="noopener noreferrer" className="underline decoration-1 underline-offset-2">
            {part.text}
          </a>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </span>
  );
}
