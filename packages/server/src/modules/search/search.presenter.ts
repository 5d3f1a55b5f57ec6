import type { Message, SearchHighlight, SearchHit } from '@parley/protocol';
import { previewText } from '../messages/messages.presenter.js';
import type { MessageRow } from '../messages/messages.repository.js';
import { MARK_END, MARK_START } from './search.repository.js';

const ELLIPSIS = '…';
const MARKERS = new RegExp(`[${MARK_START}${MARK_END}]`, 'gu');
const MARKER_SPLIT = new RegExp(`([${MARK_START}${MARK_END}])`, 'u');

/**
 * A matched message row and its marked snippet (from `findSnippets`) → the contract's `SearchHit`: the
 * snippet as plain text, with `…` where it starts after the text's start or ends before its end, and the
 * marked words as UTF-16 ranges into it. Without a snippet (the message changed between the queries),
 * its preview and no highlights. `message` is the row as the caller sees it (`MessageViews.present`).
 */
export function presentSearchHit(row: MessageRow, message: Message, marked: string | undefined): SearchHit {
  const { snippet, highlights } = parseMarks(marked ?? previewText(row.text));
  // Where the excerpt sits in the text decides the ellipses; markers typed into a message are ignored.
  const plain = row.text.replace(MARKERS, '');
  const at = plain.indexOf(snippet);
  const before = at > 0 ? ELLIPSIS : '';
  const after = at >= 0 && at + snippet.length < plain.length ? ELLIPSIS : '';
  return {
    message,
    snippet: `${before}${snippet}${after}`,
    highlights: highlights.map(({ start, end }) => ({ start: start + before.length, end: end + before.length })),
  };
}

/**
 * Strips the markers from `marked` and returns where they were: each {@link MARK_START} … {@link MARK_END}
 * pair is one range (`end` exclusive, UTF-16 units), in order, never empty or overlapping. A stray marker
 * (one typed into the message itself) is dropped.
 */
export function parseMarks(marked: string): { snippet: string; highlights: SearchHighlight[] } {
  let snippet = '';
  let open: number | undefined;
  const highlights: SearchHighlight[] = [];
  for (const part of marked.split(MARKER_SPLIT)) {
    if (part === MARK_START) {
      open ??= snippet.length;
    } else if (part === MARK_END) {
      if (open !== undefined && snippet.length > open) highlights.push({ start: open, end: snippet.length });
      open = undefined;
    } else {
      snippet += part;
    }
  }
  return { snippet, highlights };
}
