import type { Kysely } from 'kysely';
import type { Conversation, Message, PatchProjectBody, Project, ProjectPage, User } from '@parley/protocol';
import { isUniqueViolation, type Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import { conflict, forbidden, invalid, notFound } from '../../errors.js';
import { newId, nowIso } from '../../ids.js';
import { findUser } from '../identity/identity.repository.js';
import type { ConversationsService } from '../conversations/conversations.service.js';
import {
  insertConversation,
  addParticipant,
  listParticipantIds,
  listProjectConversations,
  setProjectConversationsStatus,
} from '../conversations/conversations.repository.js';
import { appendSystemMessage } from '../messages/system-messages.js';
import { appendChange } from '../sync/sync.repository.js';
import { presentMessage } from '../messages/messages.presenter.js';
import { formatMoney, presentProject } from './marketplace.presenter.js';
import { closeProject, findProjectForMember, insertProject, insertProjectMember, listMembers, listProjectsForMember, type ProjectRow } from './projects.repository.js';
import { findProposal, findRequest, settleProposal, transitionRequest } from './requests.repository.js';

const TERM_FIELDS = ['terms', 'price', 'currency', 'scope', 'deadline'] as const;

/** Messages and conversation changes a committed transaction produced, to announce after commit. */
interface Announcements {
  messages: Message[];
  conversationIds: string[];
}

/** Projects: created on acceptance with locked terms, closed by their parties, staffed by agencies (contract § Marketplace flow). */
export class ProjectsService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly conversations: ConversationsService,
  ) {}

  /**
   * The request's client accepts a pending proposal. In one transaction: proposal `accepted`, request
   * `converted`, project with the proposal's terms copied and locked, its `project` conversation with
   * client and provider as participants, and a `system` message. A refusal changes nothing:
   * `NOT_FOUND`, `FORBIDDEN` (not the request's client), `PROPOSAL_NOT_PENDING`, `PROPOSAL_EXPIRED`
   * (now ≥ `expiresAt`, whatever the stored status), `PROVIDER_NOT_APPROVED`, `REQUEST_NOT_OPEN`.
   */
  async acceptProposal(actor: User, proposalId: string): Promise<{ project: Project; conversation: Conversation }> {
    const { project, conversationId, announcements } = await this.db.transaction().execute(async (trx) => {
      const proposal = await findProposal(trx, proposalId);
      const request = proposal && (await findRequest(trx, proposal.request_id));
      if (!proposal || !request) throw notFound('proposal', proposalId);
      if (request.client_id !== actor.id) throw forbidden('Only the request’s client may accept its proposals');
      const now = nowIso();
      if (now >= proposal.expires_at) throw conflict('PROPOSAL_EXPIRED', 'This proposal has expired');
      if (proposal.status !== 'pending') throw conflict('PROPOSAL_NOT_PENDING', `This proposal is ${proposal.status}`);
      const provider = await findUser(trx, proposal.provider_id);
      if (provider?.approved !== 1) throw conflict('PROVIDER_NOT_APPROVED', 'The provider has not been approved yet');
      if (request.status !== 'open') throw conflict('REQUEST_NOT_OPEN', 'This request is no longer open');
      if (!(await settleProposal(trx, proposal.id, 'accepted'))) throw conflict('PROPOSAL_NOT_PENDING', 'This proposal is no longer pending');
      if (!(await transitionRequest(trx, request.id, 'open', 'converted'))) throw conflict('REQUEST_NOT_OPEN', 'This request is no longer open');

      const project: ProjectRow = {
        id: newId(),
        request_id: request.id,
        proposal_id: proposal.id,
        client_id: request.client_id,
        provider_id: provider.id,
        agency_id: provider.role === 'agency' ? (provider.agency_id ?? provider.id) : null,
        title: request.title,
        price: proposal.price,
        currency: proposal.currency,
        scope: proposal.scope,
        deadline: proposal.deadline,
        terms_locked_at: now,
        status: 'active',
        created_at: now,
        updated_at: now,
      };
      await insertProject(trx, project);
      await insertProjectMember(trx, { project_id: project.id, user_id: request.client_id, role: 'client', added_at: now });
      await insertProjectMember(trx, { project_id: project.id, user_id: provider.id, role: provider.role === 'agency' ? 'agency' : 'provider', added_at: now });

      const conversationId = newId();
      await insertConversation(trx, {
        id: conversationId,
        project_id: project.id,
        kind: 'project',
        title: project.title,
        status: 'active',
        last_seq: 0,
        last_change_seq: 0,
        created_by: null,
        last_message_at: now,
        created_at: now,
      });
      await addParticipant(trx, conversationId, request.client_id, now);
      await addParticipant(trx, conversationId, provider.id, now);
      const terms = `${formatMoney(project.price, project.currency)}, due ${project.deadline.slice(0, 10)}`;
      const message = await appendSystemMessage(trx, conversationId, `Project started: ${project.title}. Terms locked: ${terms}.`, now);
      return { project, conversationId, announcements: { messages: [presentMessage(message)], conversationIds: [conversationId] } };
    });
    await this.announce(announcements);
    return {
      project: presentProject(project, await listMembers(this.db, [project.id])),
      conversation: await this.conversations.get(actor.id, conversationId),
    };
  }

  /** The caller's projects, newest first, keyset-paged by id. */
  async list(actor: User, query: { cursor?: string; limit: number }): Promise<ProjectPage> {
    const rows = await listProjectsForMember(this.db, actor.id, { ...(query.cursor ? { before: query.cursor } : {}), limit: query.limit + 1 });
    const page = rows.slice(0, query.limit);
    const members = await listMembers(this.db, page.map((row) => row.id));
    return { items: page.map((row) => presentProject(row, members)), nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null };
  }

  /** One project for one of its members. Throws `NOT_FOUND` for anyone else. */
  async get(actor: User, projectId: string): Promise<Project> {
    const row = await this.requireMember(actor, projectId);
    return presentProject(row, await listMembers(this.db, [row.id]));
  }

  /**
   * The client or the provider side completes or cancels an active project; its conversations become
   * read-only (with a `system` message). Throws `NOT_FOUND`, `TERMS_LOCKED` (the body names a term),
   * `VALIDATION_FAILED` (no status), `FORBIDDEN` (workers) and `PROJECT_NOT_ACTIVE`.
   */
  async patch(actor: User, projectId: string, body: PatchProjectBody): Promise<Project> {
    const row = await this.requireMember(actor, projectId);
    if (TERM_FIELDS.some((field) => body[field] !== undefined)) throw conflict('TERMS_LOCKED', 'Project terms are locked and never change');
    const status = body.status;
    if (!status) throw invalid('status', 'is required: completed or cancelled');
    if (actor.id !== row.client_id && actor.id !== row.provider_id) throw forbidden('Only the client or the provider may close a project');
    const announcements = await this.db.transaction().execute(async (trx) => {
      const now = nowIso();
      if (!(await closeProject(trx, projectId, status, now))) throw conflict('PROJECT_NOT_ACTIVE', `This project is already ${row.status}`);
      const conversations = await listProjectConversations(trx, projectId);
      const messages = await this.appendToAll(trx, conversations, `${actor.name} marked the project ${status}. This conversation is now read-only.`, now);
      await setProjectConversationsStatus(trx, projectId, 'read_only');
      for (const conversation of conversations) {
        await appendChange(trx, { conversation_id: conversation.id, kind: 'conversation.updated', created_at: now });
      }
      return { messages, conversationIds: conversations.map((c) => c.id) };
    });
    await this.announce(announcements);
    return this.get(actor, projectId);
  }

  /**
   * The project's agency assigns one of its workers, who joins the project's conversations (with a
   * `system` message). Throws `NOT_FOUND`, `FORBIDDEN` (not the project's agency, or not its worker),
   * `PROJECT_NOT_ACTIVE` and `ALREADY_PARTICIPANT`.
   */
  async assignWorker(actor: User, projectId: string, workerId: string): Promise<Project> {
    const row = await this.requireMember(actor, projectId);
    if (row.agency_id === null || actor.id !== row.provider_id) throw forbidden('Only the project’s agency assigns workers');
    if (row.status !== 'active') throw conflict('PROJECT_NOT_ACTIVE', `This project is ${row.status}`);
    const worker = await findUser(this.db, workerId);
    if (!worker) throw notFound('user', workerId);
    if (worker.role !== 'worker' || worker.agency_id !== row.agency_id) throw forbidden('That user is not a worker of this agency');
    if (await findProjectForMember(this.db, projectId, workerId)) throw conflict('ALREADY_PARTICIPANT', 'That worker is already on the project');
    const announcements = await this.db
      .transaction()
      .execute(async (trx) => {
        const now = nowIso();
        await insertProjectMember(trx, { project_id: projectId, user_id: workerId, role: 'worker', added_at: now });
        // The project's own conversation; groups inside the project choose their members themselves.
        const conversations = (await listProjectConversations(trx, projectId)).filter((conversation) => conversation.kind === 'project');
        for (const conversation of conversations) await addParticipant(trx, conversation.id, workerId, now);
        const messages = await this.appendToAll(trx, conversations, `${actor.name} added ${worker.name} to the project.`, now);
        return { messages, conversationIds: conversations.map((c) => c.id) };
      })
      .catch((error: unknown) => {
        // A concurrent assignment of the same worker won the membership's primary key.
        throw isUniqueViolation(error) ? conflict('ALREADY_PARTICIPANT', 'That worker is already on the project') : error;
      });
    await this.announce(announcements);
    return this.get(actor, projectId);
  }

  private async requireMember(actor: User, projectId: string): Promise<ProjectRow> {
    const row = await findProjectForMember(this.db, projectId, actor.id);
    if (!row) throw notFound('project', projectId);
    return row;
  }

  private async appendToAll(trx: Db, conversations: { id: string }[], text: string, at: string): Promise<Message[]> {
    const messages: Message[] = [];
    for (const conversation of conversations) {
      const row = await appendSystemMessage(trx, conversation.id, text, at);
      messages.push(presentMessage(row));
    }
    return messages;
  }

  /**
   * After commit: each participant's view of every changed conversation first (so a newcomer learns
   * of the conversation before its messages), then the system messages, in that order.
   */
  private async announce({ messages, conversationIds }: Announcements): Promise<void> {
    for (const conversationId of conversationIds) {
      const participantIds = await listParticipantIds(this.db, conversationId);
      await this.conversations.announceUpdate(
        conversationId,
        participantIds,
        messages.filter((m) => m.conversationId === conversationId),
      );
    }
  }
}
