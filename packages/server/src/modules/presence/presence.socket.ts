import type { Logger } from 'pino';
import type { ParleySocket } from '../../realtime/types.js';
import type { PresenceService } from './presence.service.js';
import type { ViewingTracker } from './viewing-tracker.js';

/**
 * Feeds presence and viewing from the socket's life: connected now (call on `connection`), and on
 * `disconnect` the socket is offline and views nothing. Failures are logged by the background work.
 */
export function registerPresenceSocket(socket: ParleySocket, presence: PresenceService, viewing: ViewingTracker, log: Logger): void {
  const user = socket.data.user;
  presence.connected(user, socket.id);
  socket.on('disconnect', () => {
    viewing.disconnect(socket.id).catch((error: unknown) => log.error({ err: error }, 'viewing (disconnect) failed'));
    presence.disconnected(user, socket.id);
  });
}
