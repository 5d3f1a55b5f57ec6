import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { ApiContext } from '../../src/api/api-context.js';
import type { ParleyApi } from '../../src/api/parley-api.js';
import { useOutboxSync } from '../../src/hooks/use-outbox-sync.js';
import { useRealtimeEvents } from '../../src/hooks/use-realtime-events.js';

/** Routes the fake client's events and outbox entries like the signed-in app does. */
function RealtimeEvents({ api, meId }: { api: ParleyApi; meId: string }) {
  useRealtimeEvents(api, meId);
  useOutboxSync(api, meId);
  return null;
}

/**
 * Renders `ui` as the signed-in app would: the (fake) SDK client in context, a fresh query cache without
 * retries, an in-memory router at `path`, and the realtime event and outbox routing for `meId`.
 */
export function renderWithApi(ui: ReactNode, api: ParleyApi, options: { meId?: string; path?: string } = {}): RenderResult & { queryClient: QueryClient } {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  const location = memoryLocation({ path: options.path ?? '/' });
  const result = render(
    <ApiContext value={api}>
      <QueryClientProvider client={queryClient}>
        <Router hook={location.hook}>
          <RealtimeEvents api={api} meId={options.meId ?? 'client-alice'} />
          {ui}
        </Router>
      </QueryClientProvider>
    </ApiContext>,
  );
  return { ...result, queryClient };
}
