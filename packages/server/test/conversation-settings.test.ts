import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from './support/contract-assertions.js';
import { dialects } from './support/databases.js';
import { nextEvent } from './support/events.js';
import { createProject, expectStatus, signIn, type Actor } from './support/factories.js';
import { startTestServer, type TestServer } from './support/server.js';

// `PATCH /api/conversations/:id/settings {muted?, mutedUntil?, archived?, pinned?}`: the caller's own settings of a
// conversation (participants only, else 404); answers the caller's Conversation view.

describe.each(dialects)('conversation settings (%s)', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ dialect });
  });
  afterAll(() => t.close());

  const patch = (actor: Actor | null, conversationId: string, body: unknown) =>
    t.api(actor?.token ?? null, 'PATCH', `/conversations/${conversationId}/settings`, body);

  it('changes only the caller’s own view and answers it', async () => {
    const { client, provider, conversation } = await createProject(t);
    const until = '2030-01-01T12:00:00+02:00';
    const view = await expectStatus(patch(client, conversation.id, { pinned: true, mutedUntil: until }), 200);
    expect(view).toMatchObject({ id: conversation.id, pinned: true, muted: false, mutedUntil: '2030-01-01T10:00:00.000Z', archived: false });
    expect(await expectStatus(t.api(client.token, 'GET', `/conversations/${conversation.id}`), 200)).toEqual(view);
    expect(await expectStatus(t.api(provider.token, 'GET', `/conversations/${conversation.id}`), 200)).toMatchObject({
      pinned: false,
      muted: false,
      mutedUntil: null,
    });

    // Only the fields given change; muted: false without mutedUntil also clears mutedUntil.
    expect(await expectStatus(patch(client, conversation.id, { muted: true }), 200)).toMatchObject({ muted: true, mutedUntil: '2030-01-01T10:00:00.000Z', pinned: true });
    expect(await expectStatus(patch(client, conversation.id, { muted: false }), 200)).toMatchObject({ muted: false, mutedUntil: null, pinned: true });
  });

  it('archives: the conversation leaves the inbox and shows under archived=true', async () => {
    const { client, conversation } = await createProject(t);
    const clientSocket = await t.connect(client.token);
    const updated = nextEvent(clientSocket, 'conversation:updated', (event) => event.conversation.id === conversation.id);
    expect(await expectStatus(patch(client, conversation.id, { archived: true }), 200)).toMatchObject({ archived: true });
    // The caller's other devices hear their new view.
    expect((await updated).conversation).toMatchObject({ id: conversation.id, archived: true });

    const ids = async (query: string) => (await expectStatus(t.api(client.token, 'GET', `/conversations${query}`), 200)).items.map((c: { id: string }) => c.id);
    expect(await ids('')).not.toContain(conversation.id);
    expect(await ids('?archived=true')).toContain(conversation.id);
    await expectStatus(patch(client, conversation.id, { archived: false }), 200);
    expect(await ids('')).toContain(conversation.id);
  });

  it('answers 404 NOT_FOUND to a non-participant and for an unknown conversation, changing nothing', async () => {
    const { client, conversation } = await createProject(t);
    const outsider = await signIn(t, { role: 'client' });
    await expectError(patch(outsider, conversation.id, { muted: true }), 404, 'NOT_FOUND');
    await expectError(patch(client, 'no-such-conversation', { muted: true }), 404, 'NOT_FOUND');
    expect(await expectStatus(t.api(client.token, 'GET', `/conversations/${conversation.id}`), 200)).toMatchObject({ muted: false });
  });

  it('refuses an empty or malformed body with 400 and an anonymous caller with 401', async () => {
    const { client, conversation } = await createProject(t);
    await expectError(patch(client, conversation.id, {}), 400, 'VALIDATION_FAILED');
    await expectError(patch(client, conversation.id, { mutedUntil: 'tomorrow' }), 400, 'VALIDATION_FAILED');
    await expectError(patch(client, conversation.id, { pinned: 'yes' }), 400, 'VALIDATION_FAILED');
    await expectError(patch(null, conversation.id, { pinned: true }), 401, 'UNAUTHENTICATED');
  });
});
