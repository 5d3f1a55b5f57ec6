/** The inbox filters: every conversation, only those with unread messages, or the archived ones. */
export type ConversationFilter = 'all' | 'unread' | 'archived';

const FILTERS: { value: ConversationFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'unread', label: 'Unread' },
  { value: 'archived', label: 'Archived' },
];

/** Toggle buttons "All", "Unread", "Archived" (the chosen one has `aria-pressed="true"`). */
export function ConversationFilters({ value, onChange }: { value: ConversationFilter; onChange: (filter: ConversationFilter) => void }) {
  return (
    <div role="group" aria-label="Filter conversations" className="flex gap-1">
      {FILTERS.map((filter) => (
        <button
          key={filter.value}
          type="button"
          aria-pressed={value === filter.value}
          onClick={() => onChange(filter.value)}
          className="rounded-full px-3 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 aria-pressed:bg-slate-900 aria-pressed:text-white"
        >
          {filter.label}
        </button>
      ))}
    </div>
  );
}
