import type { Conversation, Participant } from '@parley/protocol';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ConversationListData } from '../api/conversation-cache.js';
import type { ParleyApi } from '../api/parley-api.js';
import { queryKeys } from '../api/query-keys.js';
import { useApi } from './use-api.js';

/** Pages of 100 (the contract's largest) read per archived filter before giving up. */
const MAX_PAGES = 10;

/** The project's own conversation (kind `project`) among the cached inbox lists, if one holds it. */
function cachedProjectConversation(queryClient: QueryClient, projectId: string): Conversation | undefined {
  return queryClient
    .getQueriesData<ConversationListData>({ queryKey: queryKeys.conversationLists() })
    .flatMap(([, data]) => data?.pages.flatMap((page) => page.items) ?? [])
    .find((conversation) => conversation.projectId === projectId && conversation.kind === 'project');
}

/** Reads the caller's conversations (not archived, then archived) until the project's own conversation turns up. */
async function fetchProjectConversation(api: ParleyApi, projectId: string): Promise<Conversation | undefined> {
  for (const archived of [false, true]) {
    let cursor: string | null = null;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const answer = await api.conversations.list({ archived, limit: 100, ...(cursor ? { cursor } : {}) });
      const found = answer.items.find((conversation) => conversation.projectId === projectId && conversation.kind === 'project');
      if (found) return found;
      cursor = answer.nextCursor;
      if (!cursor) break;
    }
  }
  return undefined;
}

/**
 * The members of project `projectId`: the participants of its own conversation (docs/api.md § Groups: a project
 * conversation takes its members from the project), from the inbox cache or else read from `GET /api/conversations`.
 * Fails when the caller's conversations do not hold it. Idle while `enabled` is false.
 */
export function useProjectMembers(projectId: string, enabled: boolean) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: queryKeys.projectMembers(projectId),
    queryFn: async (): Promise<Participant[]> => {
      const conversation = cachedProjectConversation(queryClient, projectId) ?? (await fetchProjectConversation(api, projectId));
      if (!conversation) throw new Error('The project’s members could not be found.');
      return conversation.participants;
    },
    enabled,
  });
}
