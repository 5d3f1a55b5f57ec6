import type { CreateProposalBody, CreateRequestBody, Proposal, ProposalList, Request, RequestPage, User } from '@parley/protocol';
import type { Db } from '../../db/database.js';
import { conflict, forbidden, invalid, notFound } from '../../errors.js';
import { newId, nowIso } from '../../ids.js';
import { approveUser, findUser } from '../identity/identity.repository.js';
import { presentUser } from '../identity/identity.presenter.js';
import { presentProposal, presentRequest } from './marketplace.presenter.js';
import { findRequest, insertProposal, insertRequest, listProposals, listRequests } from './requests.repository.js';

/** Requests, proposals and provider approval: the marketplace flow before a project exists (contract § Marketplace flow). */
export class RequestsService {
  constructor(private readonly db: Db) {}

  /** A client opens a request. Throws `FORBIDDEN` for any other role. */
  async createRequest(actor: User, body: CreateRequestBody): Promise<Request> {
    if (actor.role !== 'client') throw forbidden('Only clients open requests');
    const row = {
      id: newId(),
      client_id: actor.id,
      title: body.title,
      description: body.description,
      budget: body.budget ?? null,
      status: 'open' as const,
      created_at: nowIso(),
    };
    await insertRequest(this.db, row);
    return presentRequest(row);
  }

  /** Newest first, keyset-paged: a client's own requests; for everyone else, the open ones. */
  async listRequests(actor: User, query: { cursor?: string; limit: number }): Promise<RequestPage> {
    const rows = await listRequests(this.db, {
      ...(actor.role === 'client' ? { clientId: actor.id } : {}),
      ...(query.cursor ? { before: query.cursor } : {}),
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    return { items: page.map(presentRequest), nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null };
  }

  /**
   * A provider or agency proposes terms on an open request; `deadline` and `expiresAt` must lie in the future.
   * Throws `FORBIDDEN` (other roles), `NOT_FOUND`, `REQUEST_NOT_OPEN` and `VALIDATION_FAILED`.
   */
  async createProposal(actor: User, requestId: string, body: CreateProposalBody): Promise<Proposal> {
    if (actor.role !== 'provider' && actor.role !== 'agency') throw forbidden('Only providers and agencies submit proposals');
    const request = await findRequest(this.db, requestId);
    if (!request) throw notFound('request', requestId);
    if (request.status !== 'open') throw conflict('REQUEST_NOT_OPEN', 'This request no longer takes proposals');
    const now = Date.now();
    const deadline = new Date(body.deadline);
    const expiresAt = new Date(body.expiresAt);
    if (deadline.getTime() <= now) throw invalid('deadline', 'must be in the future');
    if (expiresAt.getTime() <= now) throw invalid('expiresAt', 'must be in the future');
    const row = {
      id: newId(),
      request_id: requestId,
      provider_id: actor.id,
      price: body.price,
      currency: body.currency,
      scope: body.scope,
      deadline: deadline.toISOString(),
      expires_at: expiresAt.toISOString(),
      status: 'pending' as const,
      created_at: new Date(now).toISOString(),
    };
    await insertProposal(this.db, row);
    return presentProposal(row);
  }

  /** Proposals on a request: all of them for its client, one's own for a provider. Throws `NOT_FOUND` otherwise. */
  async listProposals(actor: User, requestId: string): Promise<ProposalList> {
    const request = await findRequest(this.db, requestId);
    if (!request) throw notFound('request', requestId);
    if (request.client_id === actor.id) return { items: (await listProposals(this.db, requestId)).map(presentProposal) };
    if (actor.role === 'provider' || actor.role === 'agency') {
      return { items: (await listProposals(this.db, requestId, actor.id)).map(presentProposal) };
    }
    throw notFound('request', requestId);
  }

  /** An admin approves a provider or agency, so its proposals can be accepted. Throws `FORBIDDEN` and `NOT_FOUND`. */
  async approveProvider(actor: User, userId: string): Promise<User> {
    if (actor.role !== 'admin') throw forbidden('Only admins approve providers');
    const user = await findUser(this.db, userId);
    if (!user || (user.role !== 'provider' && user.role !== 'agency')) throw notFound('provider', userId);
    await approveUser(this.db, userId, nowIso());
    return presentUser({ ...user, approved: 1 });
  }
}
