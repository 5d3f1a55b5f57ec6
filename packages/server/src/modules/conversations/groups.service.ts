import type { Kysely } from 'kysely';
import type { AddParticipantBody, Conversation, CreateGroupBody, User } from '@parley/protocol';
import type { Database } from '../../db/schema.js';
import { conflict, forbidden, invalid, notFound } from '../../errors.js';
import type { DomainEvents } from '../../events.js';
import { newId, nowIso } from '../../ids.js';
import { findUser } from '../identity/identity.repository.js';
import { findProjectForMember, listMembers } from '../marketplace/projects.repository.js';
import { presentMessage } from '../messages/messages.presenter.js';
import { appendSystemMessage } from '../messages/system-messages.js';
import { requireParticipant, requireWritable } from './conversations.access.js';
import {
  addParticipant,
  findConversation,
  findParticipant,
  insertConversation,
  listParticipantIds,
  removeParticipant,
  type ConversationRow,
} from './conversations.repository.js';
import type { ConversationsService } from './conversations.service.js';

/**
 * Group conversations inside a project (issue 5, "Groups inside a project"), e.g. an agency and its workers
 * without the client. Members come from the project; the creator manages the members; anyone may leave.
 * Every change writes a system message, takes change `seq`s and is announced with `conversation:updated`.
 */
export class GroupsService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly events: DomainEvents,
    private readonly conversations: Pick<ConversationsService, 'get' | 'announceUpdate'>,
  ) {}

  /**
   * Creates a group with the caller and `participantIds`, all members of an active project. Throws `NOT_FOUND`
   * (the caller is not a member of the project), `PROJECT_NOT_ACTIVE` and `VALIDATION_FAILED` (someone who is not
   * a member of the project, or nobody but the caller).
   */
  async create(actor: User, body: CreateGroupBody): Promise<Conversation> {
    const project = await findProjectForMember(this.db, body.projectId, actor.id);
    if (!project) throw notFound('project', body.projectId);
    const members = new Set((await listMembers(this.db, [project.id])).map((m) => m.user_id));
    if (project.status !== 'active') throw conflict('PROJECT_NOT_ACTIVE', `This project is ${project.status}`);
    const others = [...new Set(body.participantIds)].filter((id) => id !== actor.id);
    const strangers = others.filter((id) => !members.has(id));
    if (strangers.length > 0) throw invalid('participantIds', `must be members of the project: ${strangers.join(', ')} are not`);
    if (others.length === 0) throw invalid('participantIds', 'must name at least one other member of the project');

    const at = nowIso();
    const row: ConversationRow = {
      id: newId(),
      project_id: project.id,
      kind: 'group',
      title: body.title,
      status: 'active',
      last_seq: 0,
      last_change_seq: 0,
      last_message_at: at,
      created_at: at,
      created_by: actor.id,
    };
    const message = await this.db.transaction().execute(async (trx) => {
      await insertConversation(trx, row);
      for (const userId of [actor.id, ...others]) await addParticipant(trx, row.id, userId, at);
      return appendSystemMessage(trx, row.id, `${actor.name} created the group “${body.title}”.`, at);
    });
    await this.conversations.announceUpdate(row.id, [actor.id, ...others], [presentMessage(message)]);
    return this.conversations.get(actor.id, row.id);
  }

  /**
   * The group's creator adds a member of the project. Throws `NOT_FOUND` (not a participant), `FORBIDDEN` (not
   * the creator, or a project conversation), `VALIDATION_FAILED` (not a member of the project),
   * `ALREADY_PARTICIPANT` and `CONVERSATION_READ_ONLY` / `CONVERSATION_LOCKED`.
   */
  async addMember(actor: User, conversationId: string, body: AddParticipantBody): Promise<Conversation> {
    const group = await this.requireManagedGroup(actor, conversationId);
    const isMember = (await listMembers(this.db, [group.project_id])).some((m) => m.user_id === body.userId);
    const member = isMember ? await findUser(this.db, body.userId) : undefined;
    if (!member) throw invalid('userId', 'must be a member of the project');
    if (await findParticipant(this.db, conversationId, member.id)) throw conflict('ALREADY_PARTICIPANT', 'That user is already in the group');
    const at = nowIso();
    const message = await this.db.transaction().execute(async (trx) => {
      await addParticipant(trx, conversationId, member.id, at);
      return appendSystemMessage(trx, conversationId, `${actor.name} added ${member.name}.`, at);
    });
    await this.conversations.announceUpdate(conversationId, await listParticipantIds(this.db, conversationId), [presentMessage(message)]);
    return this.conversations.get(actor.id, conversationId);
  }

  /**
   * Removes `userId` from a group: the creator removes anyone else, and anyone may leave (remove themself). The
   * removed user loses access at once (their sockets leave the conversation's rooms and hear `conversation:removed`).
   * Throws `NOT_FOUND`, `FORBIDDEN` (someone else's removal by a non-creator, the creator leaving, a project
   * conversation) and `CONVERSATION_READ_ONLY` / `CONVERSATION_LOCKED`.
   */
  async removeMember(actor: User, conversationId: string, userId: string): Promise<void> {
    await requireParticipant(this.db, conversationId, actor.id);
    const group = await findConversation(this.db, conversationId);
    if (group?.kind !== 'group') throw forbidden('Only groups have members that can be removed');
    const leaving = userId === actor.id;
    if (!leaving && group.created_by !== actor.id) throw forbidden('Only the group’s creator removes members');
    if (leaving && group.created_by === actor.id) throw forbidden('The creator cannot leave the group');
    await requireWritable(this.db, conversationId);
    const target = (await findParticipant(this.db, conversationId, userId)) && (await findUser(this.db, userId));
    if (!target) throw notFound('participant', userId);
    const at = nowIso();
    const message = await this.db.transaction().execute(async (trx) => {
      await removeParticipant(trx, conversationId, userId, at);
      return appendSystemMessage(trx, conversationId, leaving ? `${target.name} left.` : `${actor.name} removed ${target.name}.`, at);
    });
    this.events.emit('participant.removed', { conversationId, userId });
    await this.conversations.announceUpdate(conversationId, await listParticipantIds(this.db, conversationId), [presentMessage(message)]);
  }

  private async requireManagedGroup(actor: User, conversationId: string): Promise<ConversationRow> {
    await requireParticipant(this.db, conversationId, actor.id);
    const group = await findConversation(this.db, conversationId);
    if (group?.kind !== 'group') throw forbidden('Project conversations take their members from the project');
    if (group.created_by !== actor.id) throw forbidden('Only the group’s creator adds members');
    await requireWritable(this.db, conversationId);
    return group;
  }
}
