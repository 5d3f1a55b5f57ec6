import { ConversationStatusSchema, type ConversationStatus } from '@parley/protocol';
import { useId, useState } from 'react';
import { queryKeys } from '../api/query-keys.js';
import { useAdminPages } from '../hooks/use-admin-pages.js';
import { useApi } from '../hooks/use-api.js';
import { useDebouncedValue } from '../hooks/use-debounced-value.js';
import { AdminConversationRow } from './AdminConversationRow.js';
import { SEARCH_DEBOUNCE_MS } from './ConversationList.js';
import { PagedList } from './PagedList.js';
import { SearchField } from './SearchField.js';

/**
 * The admin page's "Conversations": a search box (debounced; titles, project titles and participant names) and a
 * status filter over every conversation (`GET /api/admin/conversations`), newest activity first, each with its
 * status buttons.
 */
export function AdminConversations() {
  const [text, setText] = useState('');
  const [status, setStatus] = useState<ConversationStatus | null>(null);
  const statusId = useId();
  const search = useDebouncedValue(text.trim(), SEARCH_DEBOUNCE_MS);
  const api = useApi();
  const query = useAdminPages(queryKeys.adminConversations({ search, status }), (page) =>
    api.admin.conversations({ ...(search ? { search } : {}), ...(status ? { status } : {}), ...page }),
  );
  return (
    <>
      <div className="flex items-center gap-2 border-b border-slate-200 px-4 py-2">
        <SearchField label="Search all conversations" value={text} onChange={setText} maxLength={200} />
        <label htmlFor={statusId} className="text-sm text-slate-700">
          Status
        </label>
        <select
          id={statusId}
          value={status ?? ''}
          onChange={(event) => setStatus(event.target.value === '' ? null : ConversationStatusSchema.parse(event.target.value))}
          className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
        >
          <option value="">All</option>
          {ConversationStatusSchema.options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      </div>
      <PagedList query={query} label="All conversations" noun="conversations" empty="No conversations match.">
        {(conversation) => <AdminConversationRow conversation={conversation} />}
      </PagedList>
    </>
  );
}
