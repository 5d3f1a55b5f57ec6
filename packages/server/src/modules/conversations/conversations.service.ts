import type { Conversation, ConversationListQuery, Message, ConversationPage, ConversationSettingsBody, User } from '@parley/protocol';
import type { Db } from '../../db/database.js';
import { notFound } from '../../errors.js';
import { decodeCursor, encodeCursor } from '../../pagination.js';
import type { DomainEvents } from '../../events.js';
import type { PresenceTracker } from '../presence/presence-tracker.js';
import { presentConversation } from './conversations.presenter.js';
import {
  findParticipant,
  listConversationViews,
  listParticipantUsers,
  updateParticipantSettings,
  type ActivityCursor,
  type ConversationViewRow,
  type ParticipantSettings,
} from './conversations.repository.js';

/** Conversations as their participants see them (contract § Conversations and messages). */
export class ConversationsService {
  constructor(
    private readonly db: Db,
    private readonly events: DomainEvents,
    /** Who is online, for the participants' `online` flag. */
    private readonly presence: Pick<PresenceTracker, 'isOnline'>,
  ) {}

  /**
   * The caller's conversations, newest activity first, `limit` per page with an opaque `nextCursor`.
   * Archived ones only with `archived=true`. Throws `VALIDATION_FAILED` for a malformed cursor.
   */
  async list(actor: User, query: ConversationListQuery): Promise<ConversationPage> {
    const rows = await listConversationViews(this.db, actor.id, {
      archived: query.archived ?? false,
      ...(query.search ? { search: query.search } : {}),
      ...(query.cursor ? { after: toActivityCursor(decodeCursor(query.cursor)) } : {}),
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return { items: await this.present(page), nextCursor: rows.length > query.limit && last ? encodeCursor([last.last_message_at, last.id]) : null };
  }

  /** One conversation as `userId` sees it. Throws `NOT_FOUND` when they are not a participant. */
  async get(userId: string, conversationId: string): Promise<Conversation> {
    const [row] = await listConversationViews(this.db, userId, { onlyId: conversationId, limit: 1 });
    if (!row) throw notFound('conversation', conversationId);
    const [conversation] = await this.present([row]);
    if (!conversation) throw notFound('conversation', conversationId);
    return conversation;
  }

  /**
   * After a change to a conversation: `conversation.updated` with each participant's own view of it, then the
   * `system` messages that record the change (`message.created`), so a newcomer learns of the conversation before
   * its messages.
   */
  async announceUpdate(conversationId: string, participantIds: string[], systemMessages: readonly Message[] = []): Promise<void> {
    const views = await Promise.all(participantIds.map(async (userId) => ({ userId, conversation: await this.get(userId, conversationId) })));
    this.events.emit('conversation.updated', { conversationId, views });
    for (const message of systemMessages) this.events.emit('message.created', { message, participantIds });
  }

  /** True when `userId` participates in the conversation now. */
  async isParticipant(userId: string, conversationId: string): Promise<boolean> {
    return (await findParticipant(this.db, conversationId, userId)) !== undefined;
  }

  /**
   * Changes the caller's own settings of a conversation (mute, mute until, archive, pin) and answers
   * their view of it; their other sockets hear `conversation.updated` with that view. `muted: false`
   * without `mutedUntil` also clears `mutedUntil`. Throws `NOT_FOUND` when they are not a participant.
   */
  async updateSettings(actor: User, conversationId: string, body: ConversationSettingsBody): Promise<Conversation> {
    const settings: ParticipantSettings = {};
    if (body.muted !== undefined) settings.muted = body.muted ? 1 : 0;
    if (body.mutedUntil !== undefined) settings.muted_until = body.mutedUntil === null ? null : new Date(body.mutedUntil).toISOString();
    else if (body.muted === false) settings.muted_until = null;
    if (body.archived !== undefined) settings.archived = body.archived ? 1 : 0;
    if (body.pinned !== undefined) settings.pinned = body.pinned ? 1 : 0;
    if (!(await updateParticipantSettings(this.db, conversationId, actor.id, settings))) throw notFound('conversation', conversationId);
    const conversation = await this.get(actor.id, conversationId);
    this.events.emit('conversation.updated', { conversationId, views: [{ userId: actor.id, conversation }] });
    return conversation;
  }

  private async present(rows: ConversationViewRow[]): Promise<Conversation[]> {
    const participants = await listParticipantUsers(
      this.db,
      rows.map((row) => row.id),
    );
    const online = await this.presence.isOnline([...new Set(participants.map((p) => p.user_id))]);
    return rows.map((row) =>
      presentConversation(
        row,
        participants.filter((p) => p.conversation_id === row.id),
        online,
      ),
    );
  }
}

const toActivityCursor = ([lastMessageAt, id]: readonly [string, string]): ActivityCursor => ({ lastMessageAt, id });
