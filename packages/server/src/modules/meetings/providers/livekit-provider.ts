import { AccessToken } from 'livekit-server-sdk';
import type { MeetingToken } from '@parley/protocol';
import { expiresAtFrom } from './token-expiry.js';
import { MEETING_TOKEN_TTL_S, type MeetingTokenProvider, type TokenRequest } from './token-provider.js';

/** What {@link createLiveKitProvider} needs: where the LiveKit server is and one of its API key pairs. */
export interface LiveKitProviderOptions {
  /** The LiveKit server's WebSocket URL (`wss://…`), handed to clients with each token. */
  url: string;
  /** The API key: public, it is the JWT's issuer and is returned as `appId`. */
  apiKey: string;
  /** The API secret: signs the JWT (HS256) and never leaves the server. */
  apiSecret: string;
}

/**
 * Issues LiveKit access tokens: HS256 JWTs signed with the API secret, whose subject (identity) is `request.userId`
 * and whose `name` is `request.userName`, granting `roomJoin` to the room `request.channel` with `canPublish`,
 * `canSubscribe` and `canPublishData`, valid for {@link MEETING_TOKEN_TTL_S} (3600) seconds from issue (issue 7,
 * "Providers" and "Rules"; LiveKit docs, "Authentication" / livekit-server-sdk `AccessToken`).
 *
 * `issue(request)` returns `{ provider: 'livekit', appId: apiKey, channel, uid: userId, token, expiresAt, url }`,
 * where `expiresAt` is `request.nowMs`, truncated to the second, plus 3600 s (ISO 8601). livekit-server-sdk stamps
 * `nbf` and `exp` with the process clock, so callers pass `Date.now()` as `nowMs`.
 *
 * @param options - the server URL and API key pair (see {@link LiveKitProviderOptions}).
 * @throws Error at creation when `url`, `apiKey` or `apiSecret` is empty (the message names the setting only).
 */
export function createLiveKitProvider(options: LiveKitProviderOptions): MeetingTokenProvider {
  const { url, apiKey, apiSecret } = options;
  for (const [setting, value] of [['url', url], ['apiKey', apiKey], ['apiSecret', apiSecret]] as const) {
    if (value.trim() === '') throw new Error(`LiveKit ${setting} must not be empty`);
  }
  return {
    kind: 'livekit',
    async issue(request: TokenRequest): Promise<MeetingToken> {
      const accessToken = new AccessToken(apiKey, apiSecret, {
        identity: request.userId,
        name: request.userName,
        ttl: MEETING_TOKEN_TTL_S,
      });
      accessToken.addGrant({
        roomJoin: true,
        room: request.channel,
        canPublish: true,
        canSubscribe: true,
        canPublishData: true,
      });
      return {
        provider: 'livekit',
        appId: apiKey,
        channel: request.channel,
        uid: request.userId,
        token: await accessToken.toJwt(),
        expiresAt: expiresAtFrom(request.nowMs),
        url,
      };
    },
  };
}
