import { MAX_SEARCH_LENGTH } from '@parley/protocol';
import { useEffect, useState } from 'react';
import { useLocation, useSearchParams } from 'wouter';
import { describeError } from '../api/auth-errors.js';
import { useConversationsById } from '../hooks/use-conversations-by-id.js';
import { useDebouncedValue } from '../hooks/use-debounced-value.js';
import { useMessageSearch } from '../hooks/use-message-search.js';
import { useNow } from '../hooks/use-now.js';
import { SEARCH_DEBOUNCE_MS } from './ConversationList.js';
import { SearchField } from './SearchField.js';
import { SearchResultItem } from './SearchResultItem.js';

function searchPath(q: string): string {
  return q ? `/search?q=${encodeURIComponent(q)}` : '/search';
}

/**
 * Message search (`/search?q=…`): a search box "Search messages" (debounced; the words go into the address, so Back
 * from a result returns to them) and the hits, best match first, each opening its conversation at that message;
 * "Load more results" for the next page.
 */
export function SearchPage({ meId }: { meId: string }) {
  const [params] = useSearchParams();
  const [, navigate] = useLocation();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const typed = useDebouncedValue(text.trim(), SEARCH_DEBOUNCE_MS);
  useEffect(() => {
    if (typed !== q) navigate(searchPath(typed), { replace: true });
  }, [typed, q, navigate]);
  const query = useMessageSearch(q);
  const hits = query.data?.pages.flatMap((page) => page.items) ?? [];
  const conversations = useConversationsById(hits.map((hit) => hit.message.conversationId));
  const now = useNow();

  return (
    <div className="flex min-h-0 min-w-0 flex-1 flex-col bg-white">
      <div className="flex items-center gap-2 border-b border-slate-200 px-3 py-2">
        <button type="button" onClick={() => navigate('/')} className="rounded px-2 py-1 text-sm text-sky-700 hover:bg-sky-50 sm:hidden">
          Back
        </button>
        <SearchField label="Search messages" value={text} onChange={setText} maxLength={MAX_SEARCH_LENGTH} autoFocus />
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto">
        {!q && <p className="p-4 text-sm text-slate-500">Type words to find them in your conversations.</p>}
        {q && query.isPending && <p className="p-4 text-sm text-slate-500">Searching…</p>}
        {query.isError && (
          <div className="p-4 text-sm text-red-700">
            <p>Could not search: {describeError(query.error)}</p>
            <button type="button" onClick={() => void query.refetch()} className="mt-2 underline">
              Try again
            </button>
          </div>
        )}
        {q && query.isSuccess && hits.length === 0 && <p className="p-4 text-sm text-slate-500">No messages match “{q}”.</p>}
        {q && hits.length > 0 && (
          <ul aria-label="Search results">
            {hits.map((hit) => (
              <SearchResultItem key={hit.message.id} hit={hit} conversation={conversations.get(hit.message.conversationId)} meId={meId} now={now} />
            ))}
          </ul>
        )}
        {q && query.hasNextPage && (
          <div className="p-3 text-center">
            <button type="button" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage} className="text-sm text-sky-700 underline disabled:text-slate-400">
              {query.isFetchingNextPage ? 'Loading…' : 'Load more results'}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
