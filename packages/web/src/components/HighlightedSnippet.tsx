import type { SearchHighlight } from '@parley/protocol';
import { useMemo } from 'react';
import { snippetSegments } from '../lib/snippet-segments.js';

/**
 * A search hit's snippet as text, its matched words in `<mark>` elements built from the highlight ranges (never
 * `dangerouslySetInnerHTML`: the snippet is plain text, protocol `SearchHitSchema`).
 */
export function HighlightedSnippet({ snippet, highlights }: { snippet: string; highlights: readonly SearchHighlight[] }) {
  const segments = useMemo(() => snippetSegments(snippet, highlights), [snippet, highlights]);
  return (
    <span className="whitespace-pre-wrap break-words">
      {segments.map((segment, index) =>
        segment.marked ? (
          <mark key={index} className="rounded-sm bg-amber-200 px-0.5 text-inherit">
            {segment.text}
          </mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </span>
  );
}
