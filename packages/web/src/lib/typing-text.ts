/**
 * The typing indicator sentence: "Paul Okafor is typing…", "Paul Okafor and Wen Li are typing…",
 * "3 people are typing…". Empty when nobody types.
 */
export function typingText(names: readonly string[]): string {
  const [first, second] = names;
  if (first === undefined) return '';
  if (second === undefined) return `${first} is typing…`;
  if (names.length === 2) return `${first} and ${second} are typing…`;
  return `${names.length} people are typing…`;
}
