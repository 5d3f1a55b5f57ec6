import type { Message } from '@parley/protocol';
import { localDayKey } from './format-time.js';

/** An optimistic message: shown at once, replaced by the stored message when it arrives. */
export interface PendingMessage {
  /** The idempotency key sent with the message (contract: same `clientId` → the stored message, never a copy). */
  clientId: string;
  text: string;
  /** When the user pressed Send (ISO 8601). */
  createdAt: string;
  status: 'sending' | 'failed';
}

/** One row of the thread: a day separator, a system message, or a group of consecutive messages by one sender. */
export type ThreadRow =
  | { kind: 'day'; key: string; at: string }
  | { kind: 'system'; key: string; message: Message }
  | { kind: 'group'; key: string; senderId: string; items: GroupItem[] };

/** A message inside a sender group: stored (with its `seq`) or still pending. */
export type GroupItem = { kind: 'stored'; message: Message } | { kind: 'pending'; pending: PendingMessage };

/**
 * Lays out a thread: a day separator before the first message of each local day, system messages on
 * their own, and consecutive messages of one sender grouped (a day change or a system message ends a
 * group). `messages` must be in ascending `seq`; `pending` messages come last, as the caller's own.
 */
export function layoutThread(messages: readonly Message[], pending: readonly PendingMessage[], meId: string): ThreadRow[] {
  const rows: ThreadRow[] = [];
  let day = '';
  let group: Extract<ThreadRow, { kind: 'group' }> | null = null;
  const place = (at: string, senderId: string | null, item: GroupItem | null, message: Message | null, key: string) => {
    const itemDay = localDayKey(Date.parse(at));
    if (itemDay !== day) {
      day = itemDay;
      group = null;
      rows.push({ kind: 'day', key: `day-${itemDay}`, at });
    }
    if (message && (message.type === 'system' || senderId === null)) {
      group = null;
      rows.push({ kind: 'system', key, message });
      return;
    }
    if (!item || senderId === null) return;
    if (group && group.senderId === senderId) {
      group.items.push(item);
      return;
    }
    group = { kind: 'group', key: `group-${key}`, senderId, items: [item] };
    rows.push(group);
  };
  for (const message of messages) {
    place(message.createdAt, message.senderId, { kind: 'stored', message }, message, `m-${message.seq}`);
  }
  for (const item of pending) {
    place(item.createdAt, meId, { kind: 'pending', pending: item }, null, `p-${item.clientId}`);
  }
  return rows;
}
