import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { LoadMoreButton } from './LoadMoreButton.js';
import { QueryFallback } from './QueryFallback.js';

/** A cursor-paged query (contract § Lists) and how to show its items. */
export interface PagedListProps<Item extends { id: string }> {
  query: UseInfiniteQueryResult<InfiniteData<{ items: Item[]; nextCursor: string | null }>>;
  /** The list's accessible name. */
  label: string;
  /** What the items are, in the plural: "Could not load reports: …", "Load more reports". */
  noun: string;
  /** Said when there are none. */
  empty: string;
  /** One item's `<li>` content. */
  children: (item: Item) => ReactNode;
}

/** The items of all loaded pages as a named list, with loading, error ("Try again"), empty and "Load more …" states. */
export function PagedList<Item extends { id: string }>({ query, label, noun, empty, children }: PagedListProps<Item>) {
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  if (query.isPending || query.isError) return <QueryFallback query={query} noun={noun} />;
  if (items.length === 0) return <p className="p-4 text-sm text-slate-500">{empty}</p>;
  return (
    <>
      <ul aria-label={label} className="divide-y divide-slate-100">
        {items.map((item) => (
          <li key={item.id} className="px-4 py-3 text-sm">
            {children(item)}
          </li>
        ))}
      </ul>
      {query.hasNextPage && (
        <LoadMoreButton onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
          Load more {noun}
        </LoadMoreButton>
      )}
    </>
  );
}
