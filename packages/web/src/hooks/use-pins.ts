import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys.js';
import { useApi } from './use-api.js';

/**
 * A conversation's pinned messages, most recently pinned first (`GET /api/conversations/:id/pins`, docs/api.md § Pins).
 * `conversation:updated` for the conversation refetches them (`useRealtimeEvents`); a pin or unpin answers the new list.
 */
export function usePins(conversationId: string) {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.pins(conversationId), queryFn: () => api.messages.pins(conversationId) });
}
