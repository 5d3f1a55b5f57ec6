import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ProjectMembersTable, ProjectsTable } from './marketplace.table.js';

export type ProjectRow = Selectable<ProjectsTable>;
export type ProjectMemberRow = Selectable<ProjectMembersTable>;

export async function insertProject(db: Db, row: ProjectRow): Promise<void> {
  await db.insertInto('projects').values(row).execute();
}

export async function insertProjectMember(db: Db, row: ProjectMemberRow): Promise<void> {
  await db.insertInto('project_members').values(row).execute();
}

export function findProject(db: Db, id: string): Promise<ProjectRow | undefined> {
  return db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The project if `userId` is one of its members. */
export function findProjectForMember(db: Db, projectId: string, userId: string): Promise<ProjectRow | undefined> {
  return db
    .selectFrom('projects')
    .innerJoin('project_members', 'project_members.project_id', 'projects.id')
    .selectAll('projects')
    .where('projects.id', '=', projectId)
    .where('project_members.user_id', '=', userId)
    .executeTakeFirst();
}

/** A member's projects, newest first, keyset-paged by id. */
export function listProjectsForMember(db: Db, userId: string, opts: { before?: string; limit: number }): Promise<ProjectRow[]> {
  let query = db
    .selectFrom('projects')
    .innerJoin('project_members', 'project_members.project_id', 'projects.id')
    .selectAll('projects')
    .where('project_members.user_id', '=', userId);
  if (opts.before) query = query.where('projects.id', '<', opts.before);
  return query.orderBy('projects.id', 'desc').limit(opts.limit).execute();
}

/** Members of the given projects. */
export function listMembers(db: Db, projectIds: string[]): Promise<ProjectMemberRow[]> {
  if (projectIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('project_members').selectAll().where('project_id', 'in', projectIds).orderBy('added_at').execute();
}

/** Moves an active project to `status`; false when it was no longer active. */
export async function closeProject(db: Db, id: string, status: 'completed' | 'cancelled', at: string): Promise<boolean> {
  const result = await db
    .updateTable('projects')
    .set({ status, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
