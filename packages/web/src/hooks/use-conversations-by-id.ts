import type { Conversation } from '@parley/protocol';
import { useQueries } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys.js';
import { useApi } from './use-api.js';

/**
 * The conversations `ids` name, as the caller sees them (`GET /api/conversations/:id`, shared with the thread's own
 * query and kept current by live events), keyed by id; those still loading or failed are absent.
 */
export function useConversationsById(ids: readonly string[]): ReadonlyMap<string, Conversation> {
  const api = useApi();
  return useQueries({
    queries: [...new Set(ids)].map((id) => ({ queryKey: queryKeys.conversation(id), queryFn: () => api.conversations.get(id) })),
    combine: (results) => new Map(results.flatMap((result) => (result.data ? [[result.data.id, result.data] as const] : []))),
  });
}
