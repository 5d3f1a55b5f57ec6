import { useCallback } from 'react';
import { usePendingFiles, type PendingFiles } from './use-pending-files.js';
import { useSendMessage } from './use-send-message.js';

/** What the composer of one conversation sends with. */
export interface ComposerSend {
  /** The files waiting in the composer's tray. */
  files: PendingFiles;
  /** Sends `text` (replying to `replyToId`): at once without files; with files once all are uploaded (`true`), else `false`. */
  onSend: (text: string) => void | Promise<boolean>;
  /** Sends a failed message again (same `clientId`). */
  retry: (clientId: string) => void;
}

/**
 * The composer's send (issue 6): a text goes straight to the outbox; a message with files first uploads them (each
 * with its progress and its own refusal), then goes to the outbox with their `attachmentIds` and the text as caption,
 * and leaves the tray (files dropped meanwhile stay for the next message). A failed upload keeps the files and the text for a retry. `onSent` runs after each send
 * (it ends a reply).
 */
export function useComposerSend(conversationId: string, replyToId: string | undefined, onSent: () => void): ComposerSend {
  const { send, retry } = useSendMessage(conversationId);
  const files = usePendingFiles(conversationId);
  const { files: pending, upload, clearSent } = files;
  const onSend = useCallback(
    (text: string) => {
      if (pending.length === 0) {
        send({ text, replyToId });
        onSent();
        return;
      }
      return upload().then((attachmentIds) => {
        if (!attachmentIds) return false;
        send({ text, replyToId, attachmentIds });
        clearSent();
        onSent();
        return true;
      });
    },
    [pending.length, upload, clearSent, send, replyToId, onSent],
  );
  return { files, onSend, retry };
}
