import { useRealtimeStore } from '../store/realtime-store.js';

/**
 * A status banner while the realtime connection is down: "Connection lost. Reconnecting…". Socket.IO
 * reconnects by itself; missed messages are fetched on reconnection. Nothing shows before the first
 * connection attempt settles, unless it failed.
 */
export function ConnectionBanner() {
  const state = useRealtimeStore((store) => store.connection.state);
  const everConnected = useRealtimeStore((store) => store.everConnected);
  const down = state === 'disconnected' || (state === 'connecting' && everConnected);
  if (!down) return null;
  return (
    <div role="status" className="bg-amber-100 px-4 py-1.5 text-center text-sm font-medium text-amber-900">
      Connection lost. Reconnecting…
    </div>
  );
}
