import type { Conversation } from '@parley/protocol';

/** The thread's header. */
export interface ConversationHeaderProps {
  conversation: Conversation;
  meId: string;
  /** Goes back to the inbox; its button shows only on narrow screens, where the inbox is hidden. */
  onBack: () => void;
  panelOpen: boolean;
  panelId: string;
  onTogglePanel: () => void;
}

/** Title and other participants of the open conversation, a Back button (narrow screens) and the project panel toggle. */
export function ConversationHeader({ conversation, meId, onBack, panelOpen, panelId, onTogglePanel }: ConversationHeaderProps) {
  const others = conversation.participants.filter((participant) => participant.userId !== meId);
  return (
    <header className="flex items-center gap-2 border-b border-slate-200 bg-white px-3 py-2">
      <button type="button" onClick={onBack} className="rounded px-2 py-1 text-sm text-sky-700 hover:bg-sky-50 sm:hidden">
        Back
      </button>
      <div className="min-w-0 flex-1">
        <h2 className="truncate text-base font-semibold text-slate-900">{conversation.title}</h2>
        <p className="truncate text-xs text-slate-500">{others.map((participant) => participant.name).join(', ') || 'Only you'}</p>
      </div>
      <button
        type="button"
        aria-expanded={panelOpen}
        aria-controls={panelId}
        onClick={onTogglePanel}
        className="rounded border border-slate-300 px-2 py-1 text-xs text-slate-700 hover:bg-slate-50"
      >
        Project details
      </button>
    </header>
  );
}
