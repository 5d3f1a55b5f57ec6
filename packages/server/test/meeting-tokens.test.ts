import { randomBytes } from 'node:crypto';
import { jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { createAgoraProvider } from '../src/modules/meetings/providers/agora-provider.js';
import { createMeetingProvider } from '../src/modules/meetings/providers/create-provider.js';
import { createLiveKitProvider } from '../src/modules/meetings/providers/livekit-provider.js';
import { MEETING_TOKEN_TTL_S, type TokenRequest } from '../src/modules/meetings/providers/token-provider.js';
import { AGORA_RTC_PRIVILEGE, decodeAgoraToken } from './support/agora-token.js';

const hex32 = () => randomBytes(16).toString('hex');
const request = (overrides: Partial<TokenRequest> = {}): TokenRequest => ({
  channel: randomBytes(16).toString('base64url'),
  uid: 123_456_789,
  userId: '01JDQ0USER0000000000000001',
  userName: 'Ada Lovelace',
  nowMs: Date.now(),
  ...overrides,
});
/** The message `fn` throws (or rejects with); fails the test when it does not throw. */
const thrownMessage = async (fn: () => unknown): Promise<string> => {
  try {
    await fn();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('expected a throw');
};

/** Issue 7, "Providers" and "Rules": Agora AccessToken2 tokens with the publisher role, valid 3600 s. */
describe('Agora meeting tokens', () => {
  const appId = hex32();
  const appCertificate = hex32();
  const agora = createAgoraProvider({ appId, appCertificate });

  it('binds the app id, channel and uid, and grants join and publish for 3600 s', async () => {
    const req = request();
    const issued = await agora.issue(req);
    expect(agora.kind).toBe('agora');
    expect(issued).toMatchObject({ provider: 'agora', appId, channel: req.channel, uid: req.uid });
    expect(issued.token.startsWith('007')).toBe(true);

    const decoded = decodeAgoraToken(issued.token);
    expect(decoded.appId).toBe(appId);
    expect(Math.abs(decoded.issueTs - req.nowMs / 1000)).toBeLessThanOrEqual(1);
    expect(decoded.expire).toBe(MEETING_TOKEN_TTL_S);
    expect(decoded.services.rtc?.channel).toBe(req.channel);
    expect(decoded.services.rtc?.uid).toBe(String(req.uid));
    // AccessToken2 stores each privilege's expiry in seconds after issueTs (agora-token 2.0.6, ServiceRtc).
    const { joinChannel, publishAudioStream, publishVideoStream, publishDataStream } = AGORA_RTC_PRIVILEGE;
    expect(decoded.services.rtc?.privileges).toEqual({
      [joinChannel]: 3600,
      [publishAudioStream]: 3600,
      [publishVideoStream]: 3600,
      [publishDataStream]: 3600,
    });
    expect(Math.abs(Date.parse(issued.expiresAt) / 1000 - (decoded.issueTs + 3600))).toBeLessThanOrEqual(1);
  });

  it('is signed with the certificate: verifies with it, not with another', async () => {
    const decoded = decodeAgoraToken((await agora.issue(request())).token);
    expect(decoded.verify(appCertificate)).toBe(true);
    expect(decoded.verify(hex32())).toBe(false);
  });

  it('never shows the certificate in what it returns or throws', async () => {
    const issued = await agora.issue(request());
    expect(JSON.stringify(issued)).not.toContain(appCertificate);
    for (const bad of [request({ uid: 0 }), request({ uid: 2 ** 32 }), request({ channel: '' }), request({ channel: 'c'.repeat(64) })]) {
      const message = await thrownMessage(() => agora.issue(bad));
      expect(message).not.toContain(appCertificate);
    }
  });

  it('refuses malformed credentials at creation, naming the setting without echoing it', async () => {
    const shortCertificate = 'secret-certificate-not-hex';
    const certMessage = await thrownMessage(() => createAgoraProvider({ appId, appCertificate: shortCertificate }));
    expect(certMessage).toContain('appCertificate');
    expect(certMessage).not.toContain(shortCertificate);
    const idMessage = await thrownMessage(() => createAgoraProvider({ appId: 'not-an-app-id', appCertificate }));
    expect(idMessage).toContain('appId');
    expect(idMessage).not.toContain(appCertificate);
    expect(await thrownMessage(() => createAgoraProvider({ appId, appCertificate: `${appCertificate}0` }))).not.toContain(
      appCertificate,
    );
  });
});

/** Issue 7, "Providers": LiveKit JWTs (HS256) for one room, publish and subscribe, valid 3600 s. */
describe('LiveKit meeting tokens', () => {
  const options = { url: 'wss://livekit.example.test', apiKey: 'APIparley', apiSecret: randomBytes(32).toString('base64url') };
  const livekit = createLiveKitProvider(options);

  it('names the user, grants the room with publish, subscribe and data, for 3600 s', async () => {
    const req = request();
    const issued = await livekit.issue(req);
    expect(livekit.kind).toBe('livekit');
    expect(issued).toMatchObject({ provider: 'livekit', appId: options.apiKey, channel: req.channel, uid: req.userId, url: options.url });

    const { payload } = await jwtVerify(issued.token, new TextEncoder().encode(options.apiSecret), {
      algorithms: ['HS256'],
      issuer: options.apiKey,
    });
    expect(payload.sub).toBe(req.userId);
    expect(payload.name).toBe(req.userName);
    expect(payload.video).toMatchObject({ room: req.channel, roomJoin: true, canPublish: true, canSubscribe: true, canPublishData: true });
    const { exp = 0, nbf = 0 } = payload;
    expect(Math.abs(exp - nbf - MEETING_TOKEN_TTL_S)).toBeLessThanOrEqual(1);
    expect(Math.abs(nbf - req.nowMs / 1000)).toBeLessThanOrEqual(1);
    expect(Math.abs(Date.parse(issued.expiresAt) / 1000 - exp)).toBeLessThanOrEqual(1);
    expect(JSON.stringify(issued)).not.toContain(options.apiSecret);
  });

  it('fails verification with another secret', async () => {
    const { token } = await livekit.issue(request());
    await expect(jwtVerify(token, new TextEncoder().encode(randomBytes(32).toString('base64url')))).rejects.toThrow();
  });

  it('refuses an empty secret at creation, naming the setting', async () => {
    expect(await thrownMessage(() => createLiveKitProvider({ ...options, apiSecret: ' ' }))).toContain('apiSecret');
  });
});

/** Issue 7, "Providers": the preferred provider when configured, else Agora, else LiveKit, else none (503). */
describe('createMeetingProvider', () => {
  const agora = { appId: hex32(), appCertificate: hex32() };
  const livekit = { url: 'wss://livekit.example.test', apiKey: 'APIparley', apiSecret: 'secret' };

  it.each([
    ['livekit', 'both', 'livekit'],
    ['agora', 'both', 'agora'],
    [undefined, 'both', 'agora'],
    ['agora', 'livekit', 'livekit'],
    ['livekit', 'agora', 'agora'],
    [undefined, 'livekit', 'livekit'],
    [undefined, 'agora', 'agora'],
  ] as const)('preferred %s, %s configured → %s', (preferred, configured, kind) => {
    const settings = {
      preferred,
      agora: configured === 'livekit' ? null : agora,
      livekit: configured === 'agora' ? null : livekit,
    };
    expect(createMeetingProvider(settings)?.kind).toBe(kind);
  });

  it('answers null when neither is configured', () => {
    expect(createMeetingProvider({ preferred: 'agora', agora: null, livekit: null })).toBeNull();
    expect(createMeetingProvider({ preferred: undefined, agora: null, livekit: null })).toBeNull();
  });
});
