import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TYPING_TIMEOUT_MS } from '@parley/protocol';
import { dialects } from './support/databases.js';
import { emitWithAck, nextEvent } from './support/events.js';
import { createProject } from './support/factories.js';
import { record, type EventPayload } from './support/realtime.js';
import { startTestServer, type TestServer, type TestSocket } from './support/server.js';

// Contract § Realtime: `conversation:typing` is relayed to the other participants and expires after 6 s without a repeat.

describe.each(dialects)('realtime typing indicators (%s)', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ dialect });
  });
  afterAll(() => t.close());

  const typing = (socket: TestSocket, conversationId: string, isTyping: boolean) =>
    emitWithAck(socket, 'conversation:typing', { conversationId, isTyping });
  const about = (conversationId: string, userId: string, isTyping: boolean) => (event: EventPayload<'conversation:typing'>) =>
    event.conversationId === conversationId && event.userId === userId && event.isTyping === isTyping;

  it('relays true to the other participants and not to the typist’s own sockets', async () => {
    const { client, provider, conversation } = await createProject(t);
    const [typist, typistElsewhere, other] = await Promise.all([t.connect(client.token), t.connect(client.token), t.connect(provider.token)]);
    const heardByTypist = [record(typist, 'conversation:typing'), record(typistElsewhere, 'conversation:typing')];

    const relayed = nextEvent(other, 'conversation:typing', about(conversation.id, client.id, true));
    expect(await typing(typist, conversation.id, true)).toEqual({ ok: true });
    expect(await relayed).toEqual({ conversationId: conversation.id, userId: client.id, isTyping: true });

    // The provider's indicator is emitted after the client's, so the client's sockets would have had their own one first.
    const back = [typist, typistElsewhere].map((socket) => nextEvent(socket, 'conversation:typing', about(conversation.id, provider.id, true)));
    await typing(other, conversation.id, true);
    await Promise.all(back);
    for (const heard of heardByTypist) expect(heard).toEqual([{ conversationId: conversation.id, userId: provider.id, isTyping: true }]);
  });

  it('relays false when the typist stops', async () => {
    const { client, provider, conversation } = await createProject(t);
    const [typist, other] = await Promise.all([t.connect(client.token), t.connect(provider.token)]);
    const started = nextEvent(other, 'conversation:typing', about(conversation.id, client.id, true));
    await typing(typist, conversation.id, true);
    await started;

    const start = performance.now();
    const stopped = nextEvent(other, 'conversation:typing', about(conversation.id, client.id, false));
    expect(await typing(typist, conversation.id, false)).toEqual({ ok: true });
    expect(await stopped).toEqual({ conversationId: conversation.id, userId: client.id, isTyping: false });
    // Relayed at once, not by the expiry timer.
    expect(performance.now() - start).toBeLessThan(TYPING_TIMEOUT_MS - 1000);
  });

  it('expires a true into a false after 6 s without a repeat', { timeout: 20_000 }, async () => {
    const { client, provider, conversation } = await createProject(t);
    const [typist, other] = await Promise.all([t.connect(client.token), t.connect(provider.token)]);
    const started = nextEvent(other, 'conversation:typing', about(conversation.id, client.id, true));
    const expired = nextEvent(other, 'conversation:typing', about(conversation.id, client.id, false), 9000);

    const start = performance.now();
    await typing(typist, conversation.id, true);
    await started;
    const event = await expired;
    const elapsed = performance.now() - start;
    expect(event).toEqual({ conversationId: conversation.id, userId: client.id, isTyping: false });
    expect(elapsed).toBeGreaterThanOrEqual(5000);
  });

  it('ends the indicator at once when the typist sends a message', async () => {
    const { client, provider, conversation } = await createProject(t);
    const [typist, other] = await Promise.all([t.connect(client.token), t.connect(provider.token)]);
    const started = nextEvent(other, 'conversation:typing', about(conversation.id, client.id, true));
    await typing(typist, conversation.id, true);
    await started;

    const start = performance.now();
    const stopped = nextEvent(other, 'conversation:typing', about(conversation.id, client.id, false));
    const sent = await emitWithAck(typist, 'message:send', { conversationId: conversation.id, text: 'done typing' });
    expect(sent).toMatchObject({ ok: true });
    expect(await stopped).toEqual({ conversationId: conversation.id, userId: client.id, isTyping: false });
    // Ended by the send, not by the 6 s expiry timer.
    expect(performance.now() - start).toBeLessThan(TYPING_TIMEOUT_MS - 1000);
  });
});
