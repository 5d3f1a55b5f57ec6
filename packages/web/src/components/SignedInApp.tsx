import { QueryClientProvider, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiContext } from '../api/api-context.js';
import { describeError } from '../api/auth-errors.js';
import { createParleyClient } from '../api/create-parley-client.js';
import { createQueryClient } from '../api/create-query-client.js';
import { queryKeys } from '../api/query-keys.js';
import { useApi } from '../hooks/use-api.js';
import { useRealtimeStore } from '../store/realtime-store.js';
import { useSessionStore } from '../store/session-store.js';
import { Workspace } from './Workspace.js';

/** Loads the signed-in user (`GET /api/me`), then shows the workspace. */
function SessionContent() {
  const api = useApi();
  const me = useQuery({ queryKey: queryKeys.me(), queryFn: () => api.me() });
  if (me.isPending) return <p className="p-6 text-sm text-slate-500">Loading…</p>;
  if (me.isError) {
    return (
      <div className="p-6 text-sm text-red-700">
        <p>Could not reach Parley: {describeError(me.error)}</p>
        <button type="button" onClick={() => void me.refetch()} className="mt-2 underline">
          Try again
        </button>
      </div>
    );
  }
  return <Workspace me={me.data} />;
}

/**
 * One signed-in session: its own SDK client (socket included) and query cache, both dropped when the
 * session ends. Mount it with a key naming the user, so that signing in as someone else starts afresh.
 */
export function SignedInApp() {
  const [api] = useState(createParleyClient);
  const [queryClient] = useState(() => createQueryClient(() => useSessionStore.getState().expire()));
  useEffect(() => () => useRealtimeStore.getState().reset(), []);
  return (
    <ApiContext value={api}>
      <QueryClientProvider client={queryClient}>
        <SessionContent />
      </QueryClientProvider>
    </ApiContext>
  );
}
