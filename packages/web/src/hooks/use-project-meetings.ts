import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys.js';
import { useApi } from './use-api.js';

/**
 * A project's meetings, newest first (`GET /api/projects/:id/meetings`), kept fresh by `meeting:updated`
 * (`use-realtime-events`); idle while `projectId` is null.
 */
export function useProjectMeetings(projectId: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.projectMeetings(projectId ?? ''),
    queryFn: () => api.meetings.list(projectId ?? ''),
    enabled: projectId !== null,
  });
}
