import type { Message, Participant } from '@parley/protocol';
import { useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { MessageActions } from '../hooks/use-message-actions.js';
import { senderName } from '../lib/sender-name.js';
import type { DeliveryState } from './DeliveryTick.js';
import { ContactCard } from './ContactCard.js';
import { EditHistoryDialog } from './EditHistoryDialog.js';
import { LocationCard } from './LocationCard.js';
import { MessageActionsMenu } from './MessageActionsMenu.js';
import { MessageAttachments } from './MessageAttachments.js';
import { MessageBubble } from './MessageBubble.js';
import { MessageEditor } from './MessageEditor.js';
import { MessageText } from './MessageText.js';
import { QuotedMessage } from './QuotedMessage.js';
import { ReactionChips } from './ReactionChips.js';

/** One stored (non-system) message of the thread. */
export interface StoredMessageBubbleProps {
  message: Message;
  own: boolean;
  delivery: DeliveryState | null;
  /** For the names in reply quotes, reaction tooltips and `@Name` mentions. */
  participants: readonly Participant[];
  meId: string;
  actions: MessageActions;
  /** The message a search result opened, briefly marked. */
  highlighted: boolean;
}

/**
 * A stored message: "Forwarded" when it is a forward, the quote of the message it replies to, a location's or
 * contact's card or its attachments (images, players, file cards) with the text as their caption, its text with participants' `@Name` set apart (or the
 * inline editor), "edited", the reaction chips and the actions menu (Edit and Delete on the caller's own, Report on others'; Reply,
 * React, Pin or Unpin and Edit only while the conversation is writable; Edit history on edited messages). "edited" and
 * "Edit history" open {@link EditHistoryDialog}. A deleted message is a muted tombstone, "This message
 * was deleted", with no actions.
 */
export function StoredMessageBubble({ message, own, delivery, participants, meId, actions, highlighted }: StoredMessageBubbleProps) {
  const [editing, setEditing] = useState(false);
  const [showingEdits, setShowingEdits] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const shared = { createdAt: message.createdAt, own, delivery, messageId: message.id, highlighted };
  if (message.deletedAt !== null) {
    return (
      <MessageBubble {...shared} tombstone>
        <em>This message was deleted</em>
      </MessageBubble>
    );
  }
  const { canWrite } = actions;
  const pinned = actions.pinnedIds.has(message.id);
  const showEdits = message.editedAt === null ? undefined : () => setShowingEdits(true);
  const react = canWrite ? (emoji: string) => actions.toggleReaction(message, emoji) : undefined;
  const menu = (
    <MessageActionsMenu
      buttonRef={menuButton}
      alignEnd={own}
      reacted={message.reactions.filter((reaction) => reaction.me).map((reaction) => reaction.emoji)}
      onCopy={() => actions.copy(message)}
      onReply={canWrite ? () => actions.reply(message) : undefined}
      onReact={react}
      onForward={() => actions.forward(message)}
      pinned={pinned}
      onTogglePin={canWrite ? () => actions.setPinned(message, !pinned) : undefined}
      onEdit={own && canWrite ? () => setEditing(true) : undefined}
      onShowEdits={showEdits}
      onDelete={own ? () => actions.confirmDelete(message) : undefined}
      onReport={own ? undefined : () => actions.report(message)}
    />
  );
  return (
    <MessageBubble
      {...shared}
      editedAt={message.editedAt}
      onShowEdits={showEdits}
      mentionsMe={message.mentions.includes(meId)}
      actions={menu}
      footer={<ReactionChips reactions={message.reactions} participants={participants} meId={meId} onToggle={react} />}
    >
      {message.forwardedFrom && <p className="mb-1 text-xs italic opacity-80">Forwarded</p>}
      {message.replyTo && (
        <QuotedMessage name={senderName(message.replyTo.senderId, participants, meId)} preview={message.replyTo.preview} deleted={message.replyTo.deleted} />
      )}
      {message.location && <LocationCard location={message.location} />}
      {message.contact && <ContactCard contact={message.contact} />}
      {message.attachments.length > 0 && <MessageAttachments attachments={message.attachments} />}
      {editing ? (
        <MessageEditor
          text={message.text}
          onSave={(text) => actions.edit(message, text)}
          onClose={() => {
            setEditing(false);
            menuButton.current?.focus();
          }}
        />
      ) : (
        <MessageText text={message.text} participants={participants} />
      )}
      {/* Outside the thread's live log, so that the dialog is neither announced with it nor found in the bubble. */}
      {showingEdits && createPortal(<EditHistoryDialog message={message} onClose={() => setShowingEdits(false)} />, document.body)}
    </MessageBubble>
  );
}
