import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys.js';
import { useApi } from './use-api.js';

/**
 * An edited message's earlier versions, oldest first (`GET /api/messages/:id/edits`, docs/api.md; participants and
 * admins, a deleted message's for admins only). Read again when `editedAt` changes, as a newer edit arrives.
 */
export function useMessageEdits(messageId: string, editedAt: string | null) {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.messageEdits(messageId, editedAt), queryFn: () => api.messages.edits(messageId) });
}
