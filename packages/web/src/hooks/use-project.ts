import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys.js';
import { useApi } from './use-api.js';

/** The project behind a conversation (`GET /api/projects/:id`), its locked terms and status; idle while `projectId` is null. */
export function useProject(projectId: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.project(projectId ?? ''),
    queryFn: () => api.projects.get(projectId ?? ''),
    enabled: projectId !== null,
  });
}
