import type { Participant } from '@parley/protocol';

/** A mention being typed: where its `@` stands and the letters typed after it. */
export interface MentionQuery {
  /** UTF-16 index of the `@`. */
  start: number;
  query: string;
}

const LETTER = /\p{L}/u;
/** `@`, then letters (and the spaces of a name with several words), up to the caret. */
const TYPED_MENTION = /@(\p{L}[\p{L} ]{0,60})$/u;

function isLetter(char: string | undefined): boolean {
  return char !== undefined && LETTER.test(char);
}

/**
 * The mention typed just before `caret`, as docs/api.md § Mentions reads them: an `@` at the start or after a
 * non-letter, then letters; null when there is none (so "ana@example" is no mention).
 */
export function typedMention(text: string, caret: number): MentionQuery | null {
  const match = TYPED_MENTION.exec(text.slice(0, caret));
  if (!match?.[1]) return null;
  const start = match.index;
  return isLetter(text[start - 1]) ? null : { start, query: match[1] };
}

/** The participants whose name, or one word of it, starts with `query` (case-insensitive), in their order. */
export function matchingParticipants(participants: readonly Participant[], query: string): Participant[] {
  const wanted = query.toLocaleLowerCase();
  return participants.filter((participant) => {
    const name = participant.name.toLocaleLowerCase();
    return name.startsWith(wanted) || name.split(' ').some((word) => word.startsWith(wanted));
  });
}

/** `text` with the mention typed at `mention` (up to `caret`) replaced by `@Full Name `, and the caret after it. */
export function insertMention(text: string, mention: MentionQuery, caret: number, name: string): { text: string; caret: number } {
  const inserted = `@${name} `;
  return { text: text.slice(0, mention.start) + inserted + text.slice(caret), caret: mention.start + inserted.length };
}

/** A run of message text: plain, or an `@Name` of a participant. */
export type MentionPart = { kind: 'text'; text: string } | { kind: 'mention'; text: string; userId: string };

/**
 * Splits `text` into plain runs and `@Name` tokens of `participants`, as the server resolves them (docs/api.md
 * § Mentions): case-insensitive, the longest name wins, the `@` at the start or after a non-letter, the name ending
 * at a non-letter.
 */
export function splitMentions(text: string, participants: readonly Participant[]): MentionPart[] {
  const byLength = [...participants].sort((a, b) => b.name.length - a.name.length);
  const parts: MentionPart[] = [];
  let last = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    if (at < last || isLetter(text[at - 1])) continue;
    const rest = text.slice(at + 1).toLocaleLowerCase();
    const named = byLength.find(({ name }) => rest.startsWith(name.toLocaleLowerCase()) && !isLetter(text[at + 1 + name.length]));
    if (!named) continue;
    if (at > last) parts.push({ kind: 'text', text: text.slice(last, at) });
    last = at + 1 + named.name.length;
    parts.push({ kind: 'mention', text: text.slice(at, last), userId: named.userId });
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}
