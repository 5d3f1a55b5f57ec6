import type { ReactNode } from 'react';

/** The "Load more …" button under a paged list: "Loading…" and disabled while the next page loads. */
export function LoadMoreButton({ onClick, loading, children }: { onClick: () => void; loading: boolean; children: ReactNode }) {
  return (
    <div className="p-3 text-center">
      <button type="button" onClick={onClick} disabled={loading} className="text-sm text-sky-700 underline disabled:text-slate-400">
        {loading ? 'Loading…' : children}
      </button>
    </div>
  );
}
