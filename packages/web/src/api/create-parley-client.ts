import { ParleyClient } from '@parley/sdk';
import { useSessionStore } from '../store/session-store.js';

/**
 * The SDK client for this page: the server serves the app on its own origin, so the API and Socket.IO
 * live at `window.location.origin`. The token is read from the session store at every request and
 * reconnection, so a token refreshed by the marketplace is picked up without a new client.
 */
export function createParleyClient(): ParleyClient {
  return new ParleyClient({ url: window.location.origin, getToken: () => useSessionStore.getState().token ?? '' });
}
