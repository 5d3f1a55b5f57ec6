// AccessToken2.js is CommonJS: imported whole (its default export is `module.exports`).
import accessToken2, { type ServiceRtc } from 'agora-token/src/AccessToken2.js';

/** Agora RTC privilege numbers (agora-token 2.0.6, AccessToken2.js `ServiceRtc.kPrivilege…`). */
export const AGORA_RTC_PRIVILEGE = {
  joinChannel: 1,
  publishAudioStream: 2,
  publishVideoStream: 3,
  publishDataStream: 4,
} as const;

/** An AccessToken2 (`007…`) token read back: what it grants, to whom, until when. */
export interface DecodedAgoraToken {
  appId: string;
  /** Issue time, in seconds since the epoch. */
  issueTs: number;
  /** The whole token's lifetime, in seconds after `issueTs`. */
  expire: number;
  salt: number;
  services: {
    /** The RTC service: channel, uid as the token carries it (decimal string) and privilege → seconds after `issueTs`. */
    rtc?: { channel: string; uid: string; privileges: Record<number, number> };
  };
  /** Whether the token's HMAC-SHA256 signature matches `appCertificate`. */
  verify(appCertificate: string): boolean;
}

/**
 * Decodes an Agora AccessToken2 with agora-token's own parser (`AccessToken2.from_string`), for tests.
 *
 * @param token - a `007…` token.
 * @returns its fields and a signature check (Agora's AccessToken2 format, agora-token 2.0.6).
 * @throws Error when the token does not parse.
 */
export function decodeAgoraToken(token: string): DecodedAgoraToken {
  const parsed = new accessToken2.AccessToken2();
  if (!parsed.from_string(token)) throw new Error('not an AccessToken2 token');
  const rtc = parsed.services.find((service) => service.service_type() === accessToken2.kRtcServiceType);
  return {
    appId: String(parsed.appId),
    issueTs: parsed.issueTs,
    expire: parsed.expire,
    salt: parsed.salt,
    // The parser builds the class its type number names (`AccessToken2.kServices`): type 1 is ServiceRtc.
    services: rtc ? { rtc: readRtc(rtc as ServiceRtc) } : {},
    verify: (appCertificate) => parsed.verifySignature(appCertificate),
  };
}

function readRtc(service: ServiceRtc): NonNullable<DecodedAgoraToken['services']['rtc']> {
  const privileges: Record<number, number> = {};
  for (const [key, value] of Object.entries(service.__privileges)) privileges[Number(key)] = value;
  return { channel: String(service.__channel_name), uid: String(service.__uid), privileges };
}
