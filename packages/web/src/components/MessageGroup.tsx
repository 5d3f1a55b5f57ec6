import type { Participant } from '@parley/protocol';
import type { GroupItem } from '../lib/message-layout.js';
import type { DeliveryState } from './DeliveryTick.js';
import { MessageBubble } from './MessageBubble.js';
import { RoleBadge } from './RoleBadge.js';

/** Consecutive messages of one sender. */
export interface MessageGroupProps {
  items: GroupItem[];
  /** The sender, when still known among the participants. */
  sender: Participant | undefined;
  own: boolean;
  /** Highest `lastReadSeq` among the other participants: own messages at or below it are "Read". */
  othersReadSeq: number;
  onRetry: (clientId: string) => void;
}

/** A sender's run of bubbles under one header: the sender's name ("You" for the caller) and role badge. */
export function MessageGroup({ items, sender, own, othersReadSeq, onRetry }: MessageGroupProps) {
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
            <MessageBubble
              key={`p-${pending.clientId}`}
              text={pending.text}
              createdAt={pending.createdAt}
              own
              delivery={pending.status}
              onRetry={() => onRetry(pending.clientId)}
            />
          );
        }
        const { message } = item;
        const delivery: DeliveryState | null = own ? (othersReadSeq >= message.seq ? 'read' : 'sent') : null;
        return (
          <MessageBubble
            key={`m-${message.seq}`}
            text={message.text}
            createdAt={message.createdAt}
            own={own}
            delivery={delivery}
            deleted={message.deletedAt !== null}
          />
        );
      })}
    </div>
  );
}
