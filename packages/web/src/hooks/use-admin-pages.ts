import { keepPreviousData, useInfiniteQuery, type QueryKey } from '@tanstack/react-query';

/**
 * One of the admin page's cursor-paged lists (contract § Lists): `fetchPage` asks for the page at `cursor` (none for
 * the first). Refetched after each admin action (keys under `queryKeys.admin()`); while a new key (a new filter)
 * loads, the previous rows stay on screen.
 */
export function useAdminPages<Page extends { nextCursor: string | null }>(queryKey: QueryKey, fetchPage: (cursor: { cursor?: string }) => Promise<Page>) {
  return useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam ? { cursor: pageParam } : {}),
    initialPageParam: null as string | null, // the first page has no cursor; later ones take the server's
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
}
