import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys.js';
import { useApi } from './use-api.js';

/** One conversation as the caller sees it (`GET /api/conversations/:id`); fails with `NOT_FOUND` for non-participants. */
export function useConversation(conversationId: string) {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.conversation(conversationId), queryFn: () => api.conversations.get(conversationId) });
}
