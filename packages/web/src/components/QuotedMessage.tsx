/** The message a reply answers, as the bubble and the composer quote it. */
export interface QuotedMessageProps {
  /** Its sender, as the thread names them ("You", a name, "Former participant"). */
  name: string;
  /** Its text cut to 100 code points (protocol `ReplyPreviewSchema`); empty for files without a caption (the server's too). */
  preview: string;
  /** It was deleted since: "Original message deleted" instead of its text. */
  deleted: boolean;
}

/**
 * A quote of the message a reply answers: its sender and its first lines ("📎 Attachment" when the server's preview is
 * empty: files without a caption), or that it was deleted.
 */
export function QuotedMessage({ name, preview, deleted }: QuotedMessageProps) {
  return (
    <blockquote className="mb-1 border-l-2 border-current/40 pl-2 text-xs opacity-85">
      <span className="block font-semibold">{name}</span>
      {deleted ? <em>Original message deleted</em> : <span className="line-clamp-2 whitespace-pre-wrap break-words">{preview || '📎 Attachment'}</span>}
    </blockquote>
  );
}
