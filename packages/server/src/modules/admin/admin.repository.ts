import type { Db } from '../../db/database.js';
import type { ConversationStatus } from '@parley/protocol';
import { matchesConversationSearch, type ActivityCursor } from '../conversations/conversations.repository.js';

/** A conversation with its project's title and participant count, for admins. */
export interface AdminConversationRow {
  id: string;
  project_id: string;
  project_title: string;
  kind: 'project' | 'group';
  title: string;
  status: ConversationStatus;
  participant_count: number | null;
  last_seq: number;
  created_at: string;
  last_message_at: string;
}

/** A conversation's participants with their names, roles, join times and read positions, in joining order. */
export function listAdminParticipants(db: Db, conversationId: string) {
  return db
    .selectFrom('conversation_participants as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select(['p.user_id', 'u.name', 'u.role', 'p.joined_at', 'p.last_read_seq'])
    .where('p.conversation_id', '=', conversationId)
    .orderBy('p.joined_at')
    .orderBy('p.user_id')
    .execute();
}

/** Sets a conversation's status. */
export async function setConversationStatus(db: Db, conversationId: string, status: ConversationStatus): Promise<void> {
  await db.updateTable('conversations').set({ status }).where('id', '=', conversationId).execute();
}

/** Every conversation (not only the caller's), newest activity first, keyset-paged, optionally filtered. */
export function listAdminConversations(
  db: Db,
  opts: { search?: string; status?: ConversationStatus; onlyId?: string; after?: ActivityCursor; limit: number },
): Promise<AdminConversationRow[]> {
  let query = db
    .selectFrom('conversations as c')
    .innerJoin('projects as pr', 'pr.id', 'c.project_id')
    .select(['c.id', 'c.project_id', 'pr.title as project_title', 'c.kind', 'c.title', 'c.status', 'c.last_seq', 'c.created_at', 'c.last_message_at'])
    .select((eb) =>
      eb
        .selectFrom('conversation_participants as cp')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('cp.conversation_id', '=', 'c.id')
        .as('participant_count'),
    );
  if (opts.onlyId) query = query.where('c.id', '=', opts.onlyId);
  if (opts.status) query = query.where('c.status', '=', opts.status);
  if (opts.search) query = query.where(matchesConversationSearch(opts.search));
  if (opts.after) {
    const { lastMessageAt, id } = opts.after;
    query = query.where((eb) => eb.or([eb('c.last_message_at', '<', lastMessageAt), eb.and([eb('c.last_message_at', '=', lastMessageAt), eb('c.id', '<', id)])]));
  }
  return query.orderBy('c.last_message_at', 'desc').orderBy('c.id', 'desc').limit(opts.limit).execute();
}
