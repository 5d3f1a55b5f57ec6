import type { MeetingProvider } from '@parley/protocol';
import { createAgoraProvider, type AgoraProviderOptions } from './agora-provider.js';
import { createLiveKitProvider, type LiveKitProviderOptions } from './livekit-provider.js';
import type { MeetingTokenProvider } from './token-provider.js';

/** The meeting media settings, as the server's config gives them (issue 7, "Providers"). */
export interface MeetingProviderSettings {
  /** The provider to use when both are configured; `undefined` lets Agora go first. */
  preferred: MeetingProvider | undefined;
  /** Agora's App ID and App Certificate, or `null` when Agora is not configured. */
  agora: AgoraProviderOptions | null;
  /** LiveKit's server URL and API key pair, or `null` when LiveKit is not configured. */
  livekit: LiveKitProviderOptions | null;
}

/**
 * Picks the meeting token provider (issue 7, "Providers"): the preferred one when it is configured, else Agora when
 * configured, else LiveKit when configured, else none.
 *
 * @param settings - which providers are configured and which is preferred.
 * @returns the provider, or `null` when neither is configured (the meetings service then answers
 *   503 `MEETINGS_NOT_CONFIGURED`).
 * @throws Error when the chosen provider's credentials are malformed (see {@link createAgoraProvider} and
 *   {@link createLiveKitProvider}); the message names the setting, never its value.
 */
export function createMeetingProvider(settings: MeetingProviderSettings): MeetingTokenProvider | null {
  const { preferred, agora, livekit } = settings;
  if (preferred === 'livekit' && livekit) return createLiveKitProvider(livekit);
  if (agora) return createAgoraProvider(agora);
  if (livekit) return createLiveKitProvider(livekit);
  return null;
}
