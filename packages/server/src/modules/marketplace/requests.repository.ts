import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ProposalsTable, RequestsTable } from './marketplace.table.js';

export type RequestRow = Selectable<RequestsTable>;
export type ProposalRow = Selectable<ProposalsTable>;

export async function insertRequest(db: Db, row: RequestRow): Promise<void> {
  await db.insertInto('requests').values(row).execute();
}

export function findRequest(db: Db, id: string): Promise<RequestRow | undefined> {
  return db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Requests visible to a user, newest first, keyset-paged by id (ULIDs sort by creation):
 * a client sees their own; everyone else sees the open ones.
 */
export function listRequests(db: Db, opts: { clientId?: string; before?: string; limit: number }): Promise<RequestRow[]> {
  let query = db.selectFrom('requests').selectAll();
  query = opts.clientId ? query.where('client_id', '=', opts.clientId) : query.where('status', '=', 'open');
  if (opts.before) query = query.where('id', '<', opts.before);
  return query.orderBy('id', 'desc').limit(opts.limit).execute();
}

/** Moves a request from `from` to `to`; false when it was not in `from` (someone else moved it first). */
export async function transitionRequest(db: Db, id: string, from: RequestRow['status'], to: RequestRow['status']): Promise<boolean> {
  const result = await db.updateTable('requests').set({ status: to }).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function insertProposal(db: Db, row: ProposalRow): Promise<void> {
  await db.insertInto('proposals').values(row).execute();
}

export function findProposal(db: Db, id: string): Promise<ProposalRow | undefined> {
  return db.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Proposals on a request, oldest first; only those of `providerId` when given. */
export function listProposals(db: Db, requestId: string, providerId?: string): Promise<ProposalRow[]> {
  let query = db.selectFrom('proposals').selectAll().where('request_id', '=', requestId);
  if (providerId) query = query.where('provider_id', '=', providerId);
  return query.orderBy('id').execute();
}

/** Moves a proposal from `pending` to `to`; false when it was no longer pending. */
export async function settleProposal(db: Db, id: string, to: ProposalRow['status']): Promise<boolean> {
  const result = await db.updateTable('proposals').set({ status: to }).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
