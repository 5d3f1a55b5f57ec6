import type { Conversation } from '@parley/protocol';

/** True while the caller has muted the conversation: `muted`, or `mutedUntil` still ahead (protocol `ConversationSchema`). */
export function isMuted(conversation: Pick<Conversation, 'muted' | 'mutedUntil'>, now: number): boolean {
  return conversation.muted || (conversation.mutedUntil !== null && Date.parse(conversation.mutedUntil) > now);
}
