/** A run of message text: plain text, or an http(s) link to render as an anchor. */
export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"]+/gi;
/** Punctuation that usually ends a sentence rather than a URL ("see https://a.example/x."). */
const TRAILING_PUNCTUATION = /[.,;:!?'"*)\]]+$/;

/**
 * Splits message text into plain runs and http(s) links. Only `http:` and `https:` URLs that parse
 * become links, so `javascript:` and other schemes always stay text. Trailing punctuation is left out
 * of the link, except a closing parenthesis that balances one inside the URL (Wikipedia-style links).
 */
export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index;
    let candidate = match[0];
    const trailing = TRAILING_PUNCTUATION.exec(candidate)?.[0] ?? '';
    candidate = candidate.slice(0, candidate.length - trailing.length);
    if (trailing.startsWith(')') && countOf(candidate, '(') > countOf(candidate, ')')) candidate += ')';
    const href = safeHref(candidate);
    if (!href) continue;
    if (start > last) parts.push({ kind: 'text', text: text.slice(last, start) });
    parts.push({ kind: 'link', text: candidate, href });
    last = start + candidate.length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

function countOf(text: string, char: string): number {
  return text.split(char).length - 1;
}

function safeHref(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
