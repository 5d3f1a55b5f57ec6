/** Longest preview of a message's text, in code points (protocol `LastMessageSchema`, `ReplyPreviewSchema`). */
export const PREVIEW_LENGTH = 100;

/**
 * A message's text as the server previews it (inbox line, reply quote): cut to {@link PREVIEW_LENGTH} code points,
 * ending with `…` when cut. A deleted message's text is '' and so is its preview.
 */
export function previewText(text: string): string {
  const points = [...text];
  return points.length <= PREVIEW_LENGTH ? text : `${points.slice(0, PREVIEW_LENGTH - 1).join('')}…`;
}
