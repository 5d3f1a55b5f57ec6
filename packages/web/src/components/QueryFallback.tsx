import type { UseQueryResult } from '@tanstack/react-query';
import { describeError } from '../api/auth-errors.js';

/** A query whose loading and failure {@link QueryFallback} shows (a TanStack Query result, or the parts it needs). */
export type FallbackQuery = Pick<UseQueryResult, 'isPending' | 'isError' | 'error' | 'refetch'>;

/**
 * What stands in for a query's data while there is none: "Loading <noun>…", or "Could not load <noun>: <reason>" with
 * a "Try again" button that refetches. Renders nothing once the data is in.
 */
export function QueryFallback({ query, noun, className = 'p-4' }: { query: FallbackQuery; noun: string; className?: string }) {
  if (query.isPending) return <p className={`${className} text-sm text-slate-500`}>Loading {noun}…</p>;
  if (!query.isError) return null;
  return (
    <div role="alert" className={`${className} text-sm text-red-700`}>
      <p>
        Could not load {noun}: {describeError(query.error)}
      </p>
      <button type="button" onClick={() => void query.refetch()} className="mt-2 underline">
        Try again
      </button>
    </div>
  );
}
