import type { Project, Proposal, Request } from '@parley/protocol';
import type { ProjectMemberRow, ProjectRow } from './projects.repository.js';
import type { ProposalRow, RequestRow } from './requests.repository.js';

export function presentRequest(row: RequestRow): Request {
  return {
    id: row.id,
    clientId: row.client_id,
    title: row.title,
    description: row.description,
    budget: row.budget,
    status: row.status,
    createdAt: row.created_at,
  };
}

export function presentProposal(row: ProposalRow): Proposal {
  return {
    id: row.id,
    requestId: row.request_id,
    providerId: row.provider_id,
    price: row.price,
    currency: row.currency,
    scope: row.scope,
    deadline: row.deadline,
    expiresAt: row.expires_at,
    status: row.status,
    createdAt: row.created_at,
  };
}

/** A project and its members → the contract's `Project` (`workerIds` lists assigned workers). */
export function presentProject(row: ProjectRow, members: ProjectMemberRow[]): Project {
  return {
    id: row.id,
    requestId: row.request_id,
    proposalId: row.proposal_id,
    clientId: row.client_id,
    providerId: row.provider_id,
    agencyId: row.agency_id,
    title: row.title,
    terms: { price: row.price, currency: row.currency, scope: row.scope, deadline: row.deadline },
    termsLockedAt: row.terms_locked_at,
    status: row.status,
    workerIds: members.filter((m) => m.project_id === row.id && m.role === 'worker').map((m) => m.user_id),
    createdAt: row.created_at,
  };
}

/** An amount in minor units formatted in its currency, e.g. `250000, "EUR"` → `€2,500.00` (Intl.NumberFormat). */
export function formatMoney(minorUnits: number, currency: string): string {
  const format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minorUnits / 10 ** digits);
}
