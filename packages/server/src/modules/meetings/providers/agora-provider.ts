// agora-token is CommonJS and Node's ESM loader cannot see its named exports (`module.exports = { X: require(…) }`),
// so it is imported whole; TypeScript still types it from the package's index.d.ts.
import agoraToken from 'agora-token';
import type { MeetingToken } from '@parley/protocol';
import { expiresAtFrom } from './token-expiry.js';
import { MEETING_TOKEN_TTL_S, type MeetingTokenProvider, type TokenRequest } from './token-provider.js';

/** What {@link createAgoraProvider} needs: the project's App ID and App Certificate from Agora's console. */
export interface AgoraProviderOptions {
  /** Agora App ID: 32 hexadecimal characters. Public: clients receive it with each token. */
  appId: string;
  /** Agora App Certificate: 32 hexadecimal characters. Secret: it signs tokens and never leaves the server. */
  appCertificate: string;
}

/** Agora App IDs and App Certificates are 32 hex characters; agora-token 2.0.6 returns '' for anything else. */
const AGORA_CREDENTIAL = /^[0-9a-fA-F]{32}$/;
/** Agora RTC uids are unsigned 32-bit integers; 0 would make a token valid for any uid. */
const MAX_AGORA_UID = 2 ** 32 - 1;
/** Agora channel names must be shorter than 64 bytes. */
const MAX_CHANNEL_BYTES = 63;

/**
 * Issues Agora RTC tokens (AccessToken2, strings starting with `007`) with the publisher role: join the channel and
 * publish audio, video and data streams, each privilege and the token itself valid for {@link MEETING_TOKEN_TTL_S}
 * (3600) seconds (issue 7, "Providers" and "Rules"; Agora's AccessToken2 docs, `RtcTokenBuilder.buildTokenWithUid`).
 *
 * `issue(request)` returns `{ provider: 'agora', appId, channel, uid, token, expiresAt }`, where `expiresAt` is
 * `request.nowMs`, truncated to the second as the token's own issue timestamp is, plus 3600 s (ISO 8601). agora-token
 * stamps the token with the process clock, so callers pass `Date.now()` as `nowMs`.
 *
 * @param options - the App ID and App Certificate (see {@link AgoraProviderOptions}).
 * @throws Error at creation when `appId` or `appCertificate` is not 32 hexadecimal characters (the message names the
 *   setting and never repeats its value).
 * @remarks `issue` rejects with a plain Error (no credential in its message) when `request.uid` is not an integer in
 *   1 … 2³² − 1, when `request.channel` is empty or 64 bytes or longer, or when agora-token returns an empty token.
 */
export function createAgoraProvider(options: AgoraProviderOptions): MeetingTokenProvider {
  const { appId, appCertificate } = options;
  if (!AGORA_CREDENTIAL.test(appId)) {
    throw new Error('Agora appId must be 32 hexadecimal characters');
  }
  if (!AGORA_CREDENTIAL.test(appCertificate)) {
    throw new Error('Agora appCertificate must be 32 hexadecimal characters');
  }
  return {
    kind: 'agora',
    async issue(request: TokenRequest): Promise<MeetingToken> {
      checkRequest(request);
      const token = agoraToken.RtcTokenBuilder.buildTokenWithUid(
        appId,
        appCertificate,
        request.channel,
        request.uid,
        agoraToken.RtcRole.PUBLISHER,
        MEETING_TOKEN_TTL_S,
        MEETING_TOKEN_TTL_S,
      );
      if (token === '') {
        throw new Error('Agora token builder returned an empty token (check the App ID and App Certificate)');
      }
      return {
        provider: 'agora',
        appId,
        channel: request.channel,
        uid: request.uid,
        token,
        expiresAt: expiresAtFrom(request.nowMs),
      };
    },
  };
}

/** Refuses what agora-token would sign without complaint but Agora would refuse, or worse, accept for anyone. */
function checkRequest(request: TokenRequest): void {
  if (!Number.isInteger(request.uid) || request.uid < 1 || request.uid > MAX_AGORA_UID) {
    throw new Error('Agora uid must be an integer from 1 to 2^32 - 1');
  }
  const channelBytes = Buffer.byteLength(request.channel, 'utf8');
  if (channelBytes === 0 || channelBytes > MAX_CHANNEL_BYTES) {
    throw new Error('Agora channel name must be 1 to 63 bytes long');
  }
}

