import { useState } from 'react';
import { describeError } from '../api/auth-errors.js';
import { useConversationList } from '../hooks/use-conversation-list.js';
import { useDebouncedValue } from '../hooks/use-debounced-value.js';
import { useNow } from '../hooks/use-now.js';
import { useUnreadTitle } from '../hooks/use-unread-title.js';
import { ConversationFilters, type ConversationFilter } from './ConversationFilters.js';
import { ConversationListItem } from './ConversationListItem.js';
import { SearchField } from './SearchField.js';

/** How long the search box waits after the last keystroke before asking the server, in ms. */
export const SEARCH_DEBOUNCE_MS = 300;

/** What the inbox needs besides the SDK client from context. */
export interface ConversationListProps {
  meId: string;
  /** The open conversation, highlighted (`aria-current="page"`). */
  selectedId: string | null;
}

function emptyText(filter: ConversationFilter, search: string): string {
  if (search) return `No conversations match “${search}”.`;
  if (filter === 'unread') return 'No unread conversations.';
  if (filter === 'archived') return 'No archived conversations.';
  return 'No conversations yet.';
}

/**
 * The inbox: a search box ("Search conversations", debounced, sent as the API's `search`), the filters
 * (Unread keeps conversations with `unreadCount > 0`; Archived asks for `archived=true`), and one link per
 * conversation. It also keeps `document.title` at "(unread) Parley". Live updates reach it through the
 * query cache (see `useRealtimeEvents`).
 */
export function ConversationList({ meId, selectedId }: ConversationListProps) {
  const [searchText, setSearchText] = useState('');
  const [filter, setFilter] = useState<ConversationFilter>('all');
  const search = useDebouncedValue(searchText.trim(), SEARCH_DEBOUNCE_MS);
  const query = useConversationList({ search, archived: filter === 'archived' });
  const now = useNow();
  useUnreadTitle();

  const all = query.data?.pages.flatMap((page) => page.items) ?? [];
  const conversations = filter === 'unread' ? all.filter((conversation) => conversation.unreadCount > 0) : all;

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="space-y-2 border-b border-slate-200 p-3">
        <SearchField label="Search conversations" value={searchText} onChange={setSearchText} />
        <ConversationFilters value={filter} onChange={setFilter} />
      </div>
      <nav aria-label="Conversations" className="min-h-0 flex-1 overflow-y-auto">
        {query.isPending && <p className="p-4 text-sm text-slate-500">Loading conversations…</p>}
        {query.isError && (
          <div className="p-4 text-sm text-red-700">
            <p>Could not load conversations: {describeError(query.error)}</p>
            <button type="button" onClick={() => void query.refetch()} className="mt-2 underline">
              Try again
            </button>
          </div>
        )}
        {query.isSuccess && conversations.length === 0 && <p className="p-4 text-sm text-slate-500">{emptyText(filter, search)}</p>}
        <ul>
          {conversations.map((conversation) => (
            <ConversationListItem key={conversation.id} conversation={conversation} meId={meId} selected={conversation.id === selectedId} now={now} />
          ))}
        </ul>
        {query.hasNextPage && (
          <div className="p-3 text-center">
            <button
              type="button"
              onClick={() => void query.fetchNextPage()}
              disabled={query.isFetchingNextPage}
              className="text-sm text-sky-700 underline disabled:text-slate-400"
            >
              {query.isFetchingNextPage ? 'Loading…' : 'Load more conversations'}
            </button>
          </div>
        )}
      </nav>
    </div>
  );
}
