import { useInfiniteQuery } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys.js';
import { useApi } from './use-api.js';

/** The reports no admin has resolved yet (`GET /api/admin/reports?status=open`), newest first, one cursor page at a time. */
export function useOpenReports() {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: queryKeys.adminReports('open'),
    queryFn: ({ pageParam }) => api.admin.reports({ status: 'open', ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null, // the first page has no cursor; later ones take the server's
    getNextPageParam: (page) => page.nextCursor,
  });
}
