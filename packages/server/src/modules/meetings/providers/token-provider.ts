import type { MeetingProvider, MeetingToken } from '@parley/protocol';

/** Who gets a media token, for which channel (issue 7, "Rules"). */
export interface TokenRequest {
  /** The meeting's channel (room) name: at least 128 bits of randomness. */
  channel: string;
  /** The caller's stable numeric uid in this meeting (Agora RTC uid: 1 … 2³² − 1). */
  uid: number;
  /** The caller's user id (LiveKit identity) and display name. */
  userId: string;
  userName: string;
  /** When the token is issued, in ms since the epoch. */
  nowMs: number;
}

/** Token lifetime (issue 7: "tokens expire after 3600 s"). */
export const MEETING_TOKEN_TTL_S = 3600;

/**
 * Issues media tokens for one provider. Implementations keep their secret (the Agora App Certificate, the LiveKit
 * API secret) to themselves: it never appears in what they return, their errors or their logs.
 */
export interface MeetingTokenProvider {
  readonly kind: MeetingProvider;
  /** A token valid for {@link MEETING_TOKEN_TTL_S} seconds with the publisher role, bound to `request.uid` / `userId`. */
  issue(request: TokenRequest): Promise<MeetingToken>;
}
