import type { Participant } from '@parley/protocol';
import type { MessageActions } from '../hooks/use-message-actions.js';
import type { GroupItem } from '../lib/message-layout.js';
import type { DeliveryState } from './DeliveryTick.js';
import { LinkifiedText } from './LinkifiedText.js';
import { MessageBubble } from './MessageBubble.js';
import { RoleBadge } from './RoleBadge.js';
import { StoredMessageBubble } from './StoredMessageBubble.js';

/** Consecutive messages of one sender. */
export interface MessageGroupProps {
  items: GroupItem[];
  /** The sender, when still known among the participants. */
  sender: Participant | undefined;
  own: boolean;
  /** Highest `lastReadSeq` among the other participants: own messages at or below it are "Read". */
  othersReadSeq: number;
  onRetry: (clientId: string) => void;
  /** For reply quotes and reaction tooltips. */
  participants: readonly Participant[];
  meId: string;
  actions: MessageActions;
  /** The message a search result opened, briefly marked. */
  highlightedId: string | null;
}

/** A sender's run of bubbles under one header: the sender's name ("You" for the caller) and role badge. */
export function MessageGroup({ items, sender, own, othersReadSeq, onRetry, participants, meId, actions, highlightedId }: MessageGroupProps) {
  return (
    <div className={`my-2 flex flex-col gap-1 ${own ? 'items-end' : 'items-start'}`}>
      <div className="flex items-center gap-2 px-1 text-xs text-slate-600">
        <span className="font-semibold text-slate-800">{own ? 'You' : (sender?.name ?? 'Former participant')}</span>
        {sender && <RoleBadge role={sender.role} />}
      </div>
      {items.map((item) => {
        if (item.kind === 'pending') {
          const { pending } = item;
          return (
            <MessageBubble key={`p-${pending.clientId}`} createdAt={pending.createdAt} own delivery={pending.status} onRetry={() => onRetry(pending.clientId)}>
              <LinkifiedText text={pending.text} />
            </MessageBubble>
          );
        }
        const { message } = item;
        const delivery: DeliveryState | null = own ? (othersReadSeq >= message.seq ? 'read' : 'sent') : null;
        return (
          <StoredMessageBubble
            key={`m-${message.seq}`}
            message={message}
            own={own}
            delivery={delivery}
            participants={participants}
            meId={meId}
            actions={actions}
            highlighted={message.id === highlightedId}
          />
        );
      })}
    </div>
  );
}
