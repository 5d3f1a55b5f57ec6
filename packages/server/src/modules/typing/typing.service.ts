import type { Logger } from 'pino';
import type { User } from '@parley/protocol';
import type { Db } from '../../db/database.js';
import { conflict } from '../../errors.js';
import type { DomainEvents } from '../../events.js';
import { requireParticipant } from '../conversations/conversations.access.js';
import { findConversation, listParticipantIds } from '../conversations/conversations.repository.js';
import { createMemoryTypingTracker, type TypingChange, type TypingTracker } from './typing-tracker.js';

/** Typing indicators (contract § Realtime, `conversation:typing`). */
export class TypingService {
  private readonly tracker: TypingTracker;

  constructor(
    private readonly db: Db,
    private readonly events: DomainEvents,
    private readonly log: Logger,
    tracker: (onChange: (change: TypingChange) => void) => TypingTracker = createMemoryTypingTracker,
  ) {
    this.tracker = tracker((change) => {
      this.publish(change).catch((error: unknown) => this.log.error({ err: error }, 'typing fan-out failed'));
    });
    // Sending a message ends its sender's typing indicator at once (reported only if they were typing).
    events.on('message.created', ({ message }) => {
      if (!message.senderId) return;
      this.tracker
        .set({ conversationId: message.conversationId, userId: message.senderId, isTyping: false })
        .catch((error: unknown) => this.log.error({ err: error }, 'typing (message sent) failed'));
    });
  }

  /**
   * Records that `actor` is (or stopped) typing in a conversation; the change reaches the other
   * participants as `conversation.typing`. Throws `NOT_FOUND` for non-participants and
   * `CONVERSATION_READ_ONLY` when nobody can write there.
   */
  async setTyping(actor: User, conversationId: string, isTyping: boolean): Promise<void> {
    await requireParticipant(this.db, conversationId, actor.id);
    const conversation = await findConversation(this.db, conversationId);
    if (isTyping && conversation?.status !== 'active') throw conflict('CONVERSATION_READ_ONLY', 'This conversation is read-only');
    await this.tracker.set({ conversationId, userId: actor.id, isTyping });
  }

  /** Stops every pending expiry (server shutdown). */
  close(): void {
    this.tracker.close();
  }

  private async publish(change: TypingChange): Promise<void> {
    const participantIds = await listParticipantIds(this.db, change.conversationId);
    this.events.emit('conversation.typing', { ...change, participantIds });
  }
}
