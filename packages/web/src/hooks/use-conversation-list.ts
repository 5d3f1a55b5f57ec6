import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { queryKeys, type ConversationListFilter } from '../api/query-keys.js';
import { useApi } from './use-api.js';

/** How many conversations one page asks for (contract allows 1..100). */
const PAGE_SIZE = 30;

/**
 * The caller's conversations, newest activity first (`GET /api/conversations`), one cursor page at a time.
 * `search` is sent only when not blank; `archived` selects archived or not-archived conversations.
 */
export function useConversationList(filter: ConversationListFilter) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: queryKeys.conversationList(filter),
    queryFn: ({ pageParam }) =>
      api.conversations.list({
        archived: filter.archived,
        limit: PAGE_SIZE,
        ...(filter.search ? { search: filter.search } : {}),
        ...(pageParam ? { cursor: pageParam } : {}),
      }),
    initialPageParam: null as string | null, // the first page has no cursor; later ones take the server's
    getNextPageParam: (page) => page.nextCursor,
    // While a new search runs, the previous results stay on screen instead of a blank list.
    placeholderData: keepPreviousData,
  });
}
