import type { Participant, Pin } from '@parley/protocol';
import { formatFullDateTime } from '../lib/format-time.js';
import { messagePreview } from '../lib/message-preview.js';
import { senderName } from '../lib/sender-name.js';
import { ModalDialog } from './ModalDialog.js';

/** The pins to list and what a click on one does. */
export interface PinnedMessagesDialogProps {
  pins: readonly Pin[];
  participants: readonly Participant[];
  meId: string;
  /** Opens the thread at the pinned message. */
  onOpen: (messageId: string) => void;
  onClose: () => void;
}

/**
 * "Pinned messages": the conversation's pins, most recently pinned first (docs/api.md § Pins), each a button named
 * by its sender and text preview; a click opens the thread at that message and closes the dialog.
 */
export function PinnedMessagesDialog({ pins, participants, meId, onOpen, onClose }: PinnedMessagesDialogProps) {
  return (
    <ModalDialog title="Pinned messages" onClose={onClose}>
      {pins.length === 0 && <p className="text-sm text-slate-500">No pinned messages yet.</p>}
      <ul aria-label="Pinned messages" className="-mx-1 min-h-0 flex-1 overflow-y-auto">
        {pins.map(({ message, pinnedBy, pinnedAt }) => (
          <li key={message.id}>
            <button
              type="button"
              onClick={() => {
                onClose();
                onOpen(message.id);
              }}
              className="w-full rounded px-2 py-1.5 text-left text-sm hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
            >
              <span className="block font-medium">{senderName(message.senderId, participants, meId)}</span>
              <span className="block line-clamp-2 text-slate-700">{messagePreview(message)}</span>
              <span className="block text-xs text-slate-500" title={formatFullDateTime(pinnedAt)}>
                Pinned by {senderName(pinnedBy, participants, meId)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </ModalDialog>
  );
}
