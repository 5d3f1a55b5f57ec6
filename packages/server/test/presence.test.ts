import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ISO_UTC } from './support/contract-assertions.js';
import { dialects } from './support/databases.js';
import { nextEvent } from './support/events.js';
import { createProject, expectStatus, type Actor } from './support/factories.js';
import { record, type EventPayload } from './support/realtime.js';
import { startTestServer, type TestServer, type TestSocket } from './support/server.js';

// Contract § Realtime: `presence:update {userId, online, lastSeenAt}` to the users who share a conversation with
// that user. Online while at least one socket is connected (tabs count once); `lastSeenAt` stored when the last closes.

describe.each(dialects)('presence (%s)', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ dialect });
  });
  afterAll(() => t.close());

  const about = (userId: string, online: boolean) => (event: EventPayload<'presence:update'>) => event.userId === userId && event.online === online;
  const participant = async (viewer: Actor, conversationId: string, userId: string) => {
    const conversation = await expectStatus(t.api(viewer.token, 'GET', `/conversations/${conversationId}`), 200);
    return conversation.participants.find((p: { userId: string }) => p.userId === userId);
  };
  /** Closes `socket` from the client side (the server sees a transport close). */
  const close = (socket: TestSocket) => socket.disconnect();

  it('tells a co-participant when a user connects, and shows them online in the participant list', async () => {
    const { client, provider, conversation } = await createProject(t);
    const watcher = await t.connect(provider.token);
    const online = nextEvent(watcher, 'presence:update', about(client.id, true));
    await t.connect(client.token);

    expect(await online).toEqual({ userId: client.id, online: true, lastSeenAt: null });
    expect(await participant(provider, conversation.id, client.id)).toMatchObject({ userId: client.id, online: true, lastSeenAt: null });
    // The watcher is online too, as the client sees it.
    expect(await participant(client, conversation.id, provider.id)).toMatchObject({ online: true });
  });

  it('stays online while one tab remains and goes offline with lastSeenAt when the last one closes', async () => {
    const { client, provider, conversation } = await createProject(t);
    const watcher = await t.connect(provider.token);
    const heard = record(watcher, 'presence:update');

    const online = nextEvent(watcher, 'presence:update', about(client.id, true));
    const firstTab = await t.connect(client.token);
    await online;
    const secondTab = await t.connect(client.token);

    const before = new Date().toISOString();
    const offline = nextEvent(watcher, 'presence:update', about(client.id, false));
    close(firstTab);
    close(secondTab);
    const event = await offline;
    const after = new Date().toISOString();

    // Opening the second tab and closing the first sent nothing: the offline event, emitted after both,
    // follows the first online event directly (Socket.IO delivers in order on one connection).
    expect(heard).toEqual([
      { userId: client.id, online: true, lastSeenAt: null },
      { userId: client.id, online: false, lastSeenAt: expect.stringMatching(ISO_UTC) },
    ]);
    expect(event.lastSeenAt && event.lastSeenAt >= before && event.lastSeenAt <= after).toBe(true);
    expect(await participant(provider, conversation.id, client.id)).toMatchObject({ online: false, lastSeenAt: event.lastSeenAt });
  });

  it('comes back online with the stored lastSeenAt', async () => {
    const { client, provider } = await createProject(t);
    const watcher = await t.connect(provider.token);
    const offline = nextEvent(watcher, 'presence:update', about(client.id, false));
    const online = nextEvent(watcher, 'presence:update', about(client.id, true));
    close(await t.connect(client.token));
    await online;
    const { lastSeenAt } = await offline;

    const again = nextEvent(watcher, 'presence:update', about(client.id, true));
    await t.connect(client.token);
    expect(await again).toEqual({ userId: client.id, online: true, lastSeenAt });
  });

  it('tells nobody who shares no conversation with the user, and not the user themself', async () => {
    const { client, provider } = await createProject(t);
    const other = await createProject(t);
    const stranger = await t.connect(other.client.token);
    const strangerHeard = record(stranger, 'presence:update');
    const watcher = await t.connect(provider.token);
    // The provider's own online announcement is after-the-answer work: let it go out before the client connects.
    await t.server.app.settled();

    const clientOnline = nextEvent(watcher, 'presence:update', about(client.id, true));
    const clientSocket = await t.connect(client.token);
    const selfHeard = record(clientSocket, 'presence:update');
    await clientOnline;
    // Emitted after the client's own online event: the client hears of the provider, never of themself.
    const providerOffline = nextEvent(clientSocket, 'presence:update', about(provider.id, false));
    close(watcher);
    await providerOffline;
    expect(selfHeard.map((event) => [event.userId, event.online])).toEqual([[provider.id, false]]);

    // The stranger's own co-participant connects after all of that: the stranger hears of them only.
    const strangerContact = nextEvent(stranger, 'presence:update', about(other.provider.id, true));
    await t.connect(other.provider.token);
    await strangerContact;
    expect(strangerHeard).toEqual([{ userId: other.provider.id, online: true, lastSeenAt: null }]);
  });
});
