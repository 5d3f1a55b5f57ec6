import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys.js';
import { useApi } from './use-api.js';

/** A conversation's participants as admins see them: name, role, joined time, last read `seq` (`GET /api/admin/conversations/:id/participants`). */
export function useAdminParticipants(conversationId: string) {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.adminParticipants(conversationId), queryFn: () => api.admin.participants(conversationId) });
}
