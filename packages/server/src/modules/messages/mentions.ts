/** A participant who may be mentioned: their user id and display name. */
export interface Mentionable {
  userId: string;
  name: string;
}

/**
 * The participants a text mentions with `@name` (issue 5, "mentions"): after an `@` that starts the text or
 * follows a non-word character, the longest participant name that follows (case-insensitively, names may
 * hold spaces), ending at the text's end or a non-word character. `@Ann Lee` mentions "Ann Lee" rather than
 * "Ann" when both take part; an e-mail address mentions nobody. Ids in order of first mention, once each.
 */
export function resolveMentions(text: string, participants: Mentionable[]): string[] {
  const byLength = [...participants].filter((p) => p.name.length > 0).sort((a, b) => b.name.length - a.name.length);
  const lower = text.toLowerCase();
  const found: string[] = [];
  for (let at = lower.indexOf('@'); at !== -1; at = lower.indexOf('@', at + 1)) {
    if (at > 0 && isWordChar(lower[at - 1] ?? '')) continue;
    const rest = lower.slice(at + 1);
    const match = byLength.find((p) => rest.startsWith(p.name.toLowerCase()) && !isWordChar(rest[p.name.length] ?? ''));
    if (match && !found.includes(match.userId)) found.push(match.userId);
  }
  return found;
}

function isWordChar(char: string): boolean {
  return /[\p{L}\p{N}_]/u.test(char);
}
