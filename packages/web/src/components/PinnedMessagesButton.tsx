import type { Conversation } from '@parley/protocol';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { usePins } from '../hooks/use-pins.js';
import { PinnedMessagesDialog } from './PinnedMessagesDialog.js';

/**
 * The header's "Pinned messages" button with the number of pins; it opens {@link PinnedMessagesDialog}, whose
 * choice opens the thread at that message (`/c/:id?message=<id>`, paging back to it as a search result does).
 */
export function PinnedMessagesButton({ conversation, meId }: { conversation: Conversation; meId: string }) {
  const pins = usePins(conversation.id).data?.items ?? [];
  const [open, setOpen] = useState(false);
  const [, navigate] = useLocation();
  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        className="rounded border border-slate-300 px-2 py-1 text-xs text-slate-700 hover:bg-slate-50"
      >
        <span aria-hidden="true">📌 </span>Pinned messages <span className="rounded-full bg-slate-100 px-1.5 font-semibold">{pins.length}</span>
      </button>
      {open && (
        <PinnedMessagesDialog
          pins={pins}
          participants={conversation.participants}
          meId={meId}
          onOpen={(messageId) => navigate(`/c/${encodeURIComponent(conversation.id)}?message=${encodeURIComponent(messageId)}`)}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
