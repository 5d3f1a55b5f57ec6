import { jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meeting, Message } from '@parley/protocol';
import { AGORA_RTC_PRIVILEGE, decodeAgoraToken } from './support/agora-token.js';
import { dialects } from './support/databases.js';
import { emitWithAck, nextEvent } from './support/events.js';
import { createProject, expectStatus, signIn, type Actor, type ProjectFixture } from './support/factories.js';
import { startTestServer, type ApiResponse, type TestServer } from './support/server.js';

const APP_ID = '0123456789abcdef0123456789abcdef';
const CERTIFICATE = 'fedcba9876543210fedcba9876543210';

/** Issue 7: meetings bound to project membership, their lifecycle, signaling, clock and media tokens. */
describe.each(dialects)('meetings (%s)', (dialect) => {
  let t: TestServer;
  const logLines: string[] = [];
  const bodies: string[] = [];
  let fixture: ProjectFixture;

  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { PARLEY_AGORA_APP_ID: APP_ID, PARLEY_AGORA_APP_CERTIFICATE: CERTIFICATE }, logLines });
    fixture = await createProject(t);
  });
  afterAll(() => t.close());

  /** Every API answer of this suite is kept, to show the certificate is in none of them. */
  async function call(actor: Actor, method: string, path: string, body?: unknown): Promise<ApiResponse> {
    const response = await t.api(actor.token, method, path, body);
    bodies.push(JSON.stringify(response.body));
    return response;
  }
  const meetingAction = (actor: Actor, meeting: { id: string }, action: string) => call(actor, 'POST', `/meetings/${meeting.id}/${action}`);
  const systemTexts = async (actor: Actor, conversationId: string): Promise<string[]> =>
    (await expectStatus(call(actor, 'GET', `/conversations/${conversationId}/messages?limit=100`), 200)).items.filter((m: Message) => m.type === 'system').map((m: Message) => m.text);

  it('rings the invitees of an instant meeting, and runs it from start to end with its duration and system messages', async () => {
    const { client, provider, project, conversation } = fixture;
    const providerSocket = await t.connect(provider.token);
    const clientSocket = await t.connect(client.token);
    const ringing = nextEvent(providerSocket, 'meeting:invite', ({ userId }) => userId === client.id);
    const meeting: Meeting = await expectStatus(call(client, 'POST', `/projects/${project.id}/meetings`, { title: 'Kick-off' }), 201);
    expect(meeting).toMatchObject({ kind: 'instant', status: 'pending', hostId: client.id, provider: 'agora', startedAt: null, durationSec: null });
    expect(meeting.participants).toEqual([
      { userId: client.id, status: 'accepted' },
      { userId: provider.id, status: 'invited' },
    ]);
    expect((await ringing).meeting.id).toBe(meeting.id);

    const accepted = nextEvent(clientSocket, 'meeting:accept', ({ meeting: m, userId }) => m.id === meeting.id && userId === provider.id);
    const ack = await emitWithAck<{ ok: boolean; data: Meeting }>(providerSocket, 'meeting:accept', { meetingId: meeting.id });
    expect(ack).toMatchObject({ ok: true, data: { participants: expect.arrayContaining([{ userId: provider.id, status: 'accepted' }]) } });
    await accepted;

    const started = nextEvent(providerSocket, 'meeting:start', ({ meeting: m }) => m.id === meeting.id);
    const active: Meeting = await expectStatus(meetingAction(client, meeting, 'start'), 200);
    expect(active).toMatchObject({ status: 'active', startedAt: expect.any(String) });
    await started;
    await expectStatus(meetingAction(provider, meeting, 'join'), 200);

    // The token: app id, channel, the caller's own uid, publisher privileges, 3600 s, signed with the certificate.
    const token = await expectStatus(call(provider, 'POST', `/meetings/${meeting.id}/token`), 200);
    expect(token).toMatchObject({ provider: 'agora', appId: APP_ID, uid: 2 });
    expect(token.channel).toMatch(/^parley-[0-9a-f]{32}$/);
    const decoded = decodeAgoraToken(token.token);
    expect(decoded.appId).toBe(APP_ID);
    expect(decoded.expire).toBe(3600);
    expect(decoded.verify(CERTIFICATE)).toBe(true);
    expect(decoded.verify('00000000000000000000000000000000')).toBe(false);
    expect(decoded.services.rtc).toMatchObject({ channel: token.channel, uid: '2' });
    const privileges = decoded.services.rtc?.privileges ?? {};
    for (const privilege of Object.values(AGORA_RTC_PRIVILEGE)) expect(privileges[privilege]).toBe(3600);
    expect(Date.parse(token.expiresAt) - decoded.issueTs * 1000).toBe(3600_000);
    const hostToken = await expectStatus(call(client, 'POST', `/meetings/${meeting.id}/token`), 200);
    expect({ uid: hostToken.uid, channel: hostToken.channel }).toEqual({ uid: 1, channel: token.channel });

    await expectStatus(meetingAction(client, meeting, 'leave'), 200);
    const ended = nextEvent(clientSocket, 'meeting:end', ({ meeting: m }) => m.id === meeting.id);
    const done: Meeting = await expectStatus(meetingAction(provider, meeting, 'leave'), 200);
    expect(done).toMatchObject({ status: 'completed', endedAt: expect.any(String), durationSec: expect.any(Number) });
    expect(done.participants.every((p) => p.status === 'left' && p.leftAt)).toBe(true);
    expect((await ended).meeting.status).toBe('completed');
    expect(await systemTexts(client, conversation.id)).toEqual(expect.arrayContaining(['Meeting started: Kick-off', 'Meeting ended · < 1 min']));

    expect((await call(provider, 'POST', `/meetings/${meeting.id}/token`)).body.error.code).toBe('MEETING_ENDED');
    expect((await meetingAction(provider, meeting, 'join')).body.error.code).toBe('MEETING_ENDED');
    const listed = await expectStatus(call(provider, 'GET', `/projects/${project.id}/meetings`), 200);
    expect(listed.items[0]).toMatchObject({ id: meeting.id, status: 'completed' });
  });

  it('refuses everyone outside the project, and tokens once the project is closed', async () => {
    const { client, provider, project } = await createProject(t);
    const meeting = await expectStatus(call(client, 'POST', `/projects/${project.id}/meetings`, { title: 'Private' }), 201);
    const stranger = (await createProject(t)).client;
    const outsider = await signIn(t, { role: 'provider' });
    for (const actor of [stranger, outsider]) {
      expect((await call(actor, 'GET', `/meetings/${meeting.id}`)).status).toBe(404);
      expect((await call(actor, 'POST', `/meetings/${meeting.id}/token`)).status).toBe(404);
      expect((await call(actor, 'POST', `/meetings/${meeting.id}/join`)).status).toBe(404);
      expect((await call(actor, 'GET', `/projects/${project.id}/meetings`)).status).toBe(404);
      expect((await call(actor, 'POST', `/projects/${project.id}/meetings`, { title: 'x' })).status).toBe(404);
    }
    expect((await call(client, 'POST', `/projects/${project.id}/meetings`, { title: 'x', inviteeIds: [stranger.id] })).body.error.code).toBe('VALIDATION_FAILED');
    expect((await call(client, 'POST', `/projects/${project.id}/meetings`, { title: 'x', scheduledFor: new Date(Date.now() - 60_000).toISOString() })).body.error.code).toBe(
      'VALIDATION_FAILED',
    );
    expect((await meetingAction(provider, meeting, 'start')).status).toBe(403);
    expect((await meetingAction(provider, meeting, 'cancel')).status).toBe(403);

    await expectStatus(call(client, 'PATCH', `/projects/${project.id}`, { status: 'completed' }), 200);
    expect((await call(provider, 'POST', `/meetings/${meeting.id}/token`)).body.error.code).toBe('PROJECT_NOT_ACTIVE');
    expect((await call(client, 'POST', `/projects/${project.id}/meetings`, { title: 'later' })).body.error.code).toBe('PROJECT_NOT_ACTIVE');
  });

  it('ends an instant meeting every invitee declines, and cancels a scheduled one with a system message', async () => {
    const { client, provider, project, conversation } = await createProject(t);
    const instant = await expectStatus(call(client, 'POST', `/projects/${project.id}/meetings`, { title: 'Quick call' }), 201);
    expect(await expectStatus(meetingAction(provider, instant, 'decline'), 200)).toMatchObject({ status: 'declined', participants: expect.arrayContaining([{ userId: provider.id, status: 'declined' }]) });
    expect((await meetingAction(client, instant, 'decline')).body.error.code).toBe('MEETING_ENDED');

    const at = new Date(Date.now() + 3 * 3600_000);
    const scheduled = await expectStatus(call(provider, 'POST', `/projects/${project.id}/meetings`, { title: 'Review', scheduledFor: at.toISOString() }), 201);
    expect(scheduled).toMatchObject({ kind: 'scheduled', status: 'scheduled', scheduledFor: at.toISOString() });
    expect(await expectStatus(meetingAction(provider, scheduled, 'cancel'), 200)).toMatchObject({ status: 'cancelled' });
    expect((await meetingAction(provider, scheduled, 'start')).body.error.code).toBe('MEETING_ENDED');
    const texts = await systemTexts(client, conversation.id);
    expect(texts.some((text) => text.includes('scheduled the meeting “Review”'))).toBe(true);
    expect(texts).toContain('Meeting cancelled: Review');
  });

  it('reminds 10 minutes before, and marks meetings nobody started as missed', async () => {
    const { client, provider, project, conversation } = await createProject(t);
    const now = Date.now();
    const soon = await expectStatus(call(client, 'POST', `/projects/${project.id}/meetings`, { title: 'Standup', scheduledFor: new Date(now + 30 * 60_000).toISOString() }), 201);
    const ringing = await expectStatus(call(client, 'POST', `/projects/${project.id}/meetings`, { title: 'Ring' }), 201);

    const clock = t.server.app.meetingClock;
    await clock.tick(now + 60_000);
    expect((await expectStatus(call(provider, 'GET', `/meetings/${ringing.id}`), 200)).status).toBe('pending');
    await clock.tick(now + 21 * 60_000);
    await clock.tick(now + 22 * 60_000);
    expect((await systemTexts(provider, conversation.id)).filter((text) => text.startsWith('Reminder: the meeting “Standup”'))).toHaveLength(1);
    expect((await expectStatus(call(provider, 'GET', `/meetings/${ringing.id}`), 200)).status).toBe('missed');
    expect((await expectStatus(call(provider, 'GET', `/meetings/${soon.id}`), 200)).status).toBe('scheduled');
    await clock.tick(now + 46 * 60_000);
    expect((await expectStatus(call(provider, 'GET', `/meetings/${soon.id}`), 200)).status).toBe('missed');
    expect(await systemTexts(provider, conversation.id)).toEqual(expect.arrayContaining(['Missed meeting: Ring', 'Missed meeting: Standup']));
  });

  it('never lets the Agora certificate out, in answers or in log lines', () => {
    expect(bodies.length).toBeGreaterThan(20);
    expect(bodies.filter((body) => body.includes(CERTIFICATE))).toEqual([]);
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.filter((line) => line.includes(CERTIFICATE))).toEqual([]);
  });
});

describe('meetings without a media provider, and with LiveKit', () => {
  it('still schedules and signals without a provider, answering tokens with 503 MEETINGS_NOT_CONFIGURED', async () => {
    const t = await startTestServer();
    try {
      const { client, project } = await createProject(t);
      const meeting = await expectStatus(t.api(client.token, 'POST', `/projects/${project.id}/meetings`, { title: 'No media' }), 201);
      const refused = await t.api(client.token, 'POST', `/meetings/${meeting.id}/token`);
      expect(refused.status).toBe(503);
      expect(refused.body.error).toMatchObject({ code: 'MEETINGS_NOT_CONFIGURED', message: expect.stringContaining('PARLEY_AGORA_APP_ID') });
    } finally {
      await t.close();
    }
  });

  it('issues LiveKit tokens that verify with the API secret', async () => {
    const secret = 'livekit-test-secret-0123456789abcdef';
    const t = await startTestServer({ env: { PARLEY_LIVEKIT_URL: 'ws://127.0.0.1:7880', PARLEY_LIVEKIT_API_KEY: 'devkey', PARLEY_LIVEKIT_API_SECRET: secret } });
    try {
      const { client, project } = await createProject(t);
      const meeting = await expectStatus(t.api(client.token, 'POST', `/projects/${project.id}/meetings`, { title: 'Self-hosted' }), 201);
      expect(meeting.provider).toBe('livekit');
      const token = await expectStatus(t.api(client.token, 'POST', `/meetings/${meeting.id}/token`), 200);
      expect(token).toMatchObject({ provider: 'livekit', appId: 'devkey', uid: client.id, url: 'ws://127.0.0.1:7880' });
      const { payload } = await jwtVerify(token.token, new TextEncoder().encode(secret));
      expect(payload).toMatchObject({ sub: client.id, iss: 'devkey', video: { room: token.channel, roomJoin: true, canPublish: true } });
      expect((payload.exp ?? 0) - (payload.nbf ?? 0)).toBe(3600);
      await expect(jwtVerify(token.token, new TextEncoder().encode('another-secret-0123456789abcdef01'))).rejects.toThrow();
    } finally {
      await t.close();
    }
  });
});
