import { describe, expect, it } from 'vitest';
import { createProject } from '../../server/test/support/factories.js';
import type { TestServer } from '../../server/test/support/server.js';
import { clientPool, connected, nextSdkEvent, useSdkServer } from './support/sdk.js';

// The SDK's meeting methods against a real server with Agora configured (issue 7).

describe('ParleyClient meetings', () => {
  let t: TestServer;
  const pool = clientPool();
  useSdkServer(pool, { env: { PARLEY_AGORA_APP_ID: 'a'.repeat(32), PARLEY_AGORA_APP_CERTIFICATE: 'b'.repeat(32) } }, (server) => (t = server));

  it('creates a meeting that rings the other side, who accepts over the socket, joins and gets a token', async () => {
    const { client, provider, project } = await createProject(t);
    const host = pool.make(t, client);
    const guest = pool.make(t, provider);
    await Promise.all([connected(host), connected(guest)]);

    const ringing = nextSdkEvent(guest, 'meeting:invite');
    const meeting = await host.meetings.create(project.id, { title: 'Design review' });
    expect((await ringing).meeting).toMatchObject({ id: meeting.id, status: 'pending', title: 'Design review' });

    const accepted = nextSdkEvent(host, 'meeting:accept');
    expect((await guest.live.meeting(meeting.id, 'accept')).participants).toContainEqual({ userId: provider.id, status: 'accepted' });
    expect((await accepted).userId).toBe(provider.id);

    expect(await guest.meetings.act(meeting.id, 'join')).toMatchObject({ status: 'active' });
    const token = await guest.meetings.token(meeting.id);
    expect(token).toMatchObject({ provider: 'agora', appId: 'a'.repeat(32), uid: 2 });
    expect(token.token.startsWith('007')).toBe(true);
    expect((await host.meetings.list(project.id)).map((m) => m.id)).toEqual([meeting.id]);
    expect(await host.meetings.act(meeting.id, 'end')).toMatchObject({ status: 'completed' });
    await expect(guest.meetings.token(meeting.id)).rejects.toMatchObject({ code: 'MEETING_ENDED', status: 409 });
  });
});
