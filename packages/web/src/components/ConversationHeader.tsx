import type { Conversation, Project } from '@parley/protocol';
import { Fragment } from 'react';
import { useNow } from '../hooks/use-now.js';
import { ConversationSettingsButtons } from './ConversationSettingsButtons.js';
import { MeetingButtons } from './MeetingButtons.js';
import { PinnedMessagesButton } from './PinnedMessagesButton.js';
import { PresenceDot } from './PresenceDot.js';

/** The thread's header. */
export interface ConversationHeaderProps {
  conversation: Conversation;
  /** The conversation's project, once loaded: its own conversation offers meetings while it is active. */
  project?: Project | undefined;
  meId: string;
  /** Goes back to the inbox; its button shows only on narrow screens, where the inbox is hidden. */
  onBack: () => void;
  panelOpen: boolean;
  panelId: string;
  onTogglePanel: () => void;
}

/**
 * Title and other participants of the open conversation (each with a presence dot), a Back button (narrow
 * screens), "Start meeting" and "Schedule" (an active project's own conversation, issue 7), the pinned messages, the
 * caller's mute and archive buttons, and the project panel toggle.
 */
export function ConversationHeader({ conversation, project, meId, onBack, panelOpen, panelId, onTogglePanel }: ConversationHeaderProps) {
  const others = conversation.participants.filter((participant) => participant.userId !== meId);
  const now = useNow();
  return (
    <header className="flex flex-wrap items-center gap-2 border-b border-slate-200 bg-white px-3 py-2">
      <button type="button" onClick={onBack} className="rounded px-2 py-1 text-sm text-sky-700 hover:bg-sky-50 sm:hidden">
        Back
      </button>
      <div className="min-w-0 flex-1">
        <h2 className="truncate text-base font-semibold text-slate-900">{conversation.title}</h2>
        <p className="flex items-center gap-1 truncate text-xs text-slate-500">
          {others.length === 0
            ? 'Only you'
            : others.map((participant, index) => (
                <Fragment key={participant.userId}>
                  {index > 0 && ', '}
                  <PresenceDot participant={participant} now={now} />
                  <span>{participant.name}</span>
                </Fragment>
              ))}
        </p>
      </div>
      {conversation.kind === 'project' && project?.status === 'active' && <MeetingButtons conversation={conversation} project={project} meId={meId} />}
      <PinnedMessagesButton conversation={conversation} meId={meId} />
      <ConversationSettingsButtons conversation={conversation} now={now} />
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
