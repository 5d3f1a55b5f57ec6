/**
 * Length of a string in Unicode code points, the unit of the contract's 5000-character message limit
 * (an emoji such as "👍" counts once, while `String.length` counts its two UTF-16 units).
 */
export function codePointLength(text: string): number {
  return Array.from(text).length;
}
