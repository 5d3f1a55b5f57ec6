import type { SearchHighlight } from '@parley/protocol';

/** A run of a search snippet: matched (shown in `<mark>`) or not. */
export interface SnippetSegment {
  text: string;
  marked: boolean;
}

/**
 * Cuts `snippet` into plain and marked runs from the server's highlight ranges (UTF-16 offsets, `end` exclusive,
 * protocol `SearchHighlightSchema`). Ranges are taken in order; one that is empty, overlaps the previous one or lies
 * outside the snippet is clamped or skipped, so a bad range never hides or repeats text.
 */
export function snippetSegments(snippet: string, highlights: readonly SearchHighlight[]): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  let position = 0;
  for (const { start, end } of [...highlights].sort((a, b) => a.start - b.start)) {
    const from = Math.max(start, position);
    const to = Math.min(end, snippet.length);
    if (to <= from) continue;
    if (from > position) segments.push({ text: snippet.slice(position, from), marked: false });
    segments.push({ text: snippet.slice(from, to), marked: true });
    position = to;
  }
  if (position < snippet.length) segments.push({ text: snippet.slice(position), marked: false });
  return segments;
}
