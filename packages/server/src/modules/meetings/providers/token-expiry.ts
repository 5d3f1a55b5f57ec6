import { MEETING_TOKEN_TTL_S } from './token-provider.js';

/**
 * When a media token issued at `nowMs` stops working: the issue time truncated to whole seconds (Agora's AccessToken2
 * and LiveKit's JWT both carry times in whole seconds) plus {@link MEETING_TOKEN_TTL_S} (3600) seconds
 * (issue 7: "tokens expire after 3600 s").
 *
 * @param nowMs - the issue time, in ms since the epoch.
 * @returns the expiry as an ISO 8601 UTC timestamp, e.g. `2026-11-21T11:00:00.000Z`.
 */
export function expiresAtFrom(nowMs: number): string {
  return new Date((Math.floor(nowMs / 1000) + MEETING_TOKEN_TTL_S) * 1000).toISOString();
}
