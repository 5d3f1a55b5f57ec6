import type { Message, SyncChange } from '@parley/protocol';
import { describe, expect, it } from 'vitest';
import { createProject, expectStatus, signIn } from '../../server/test/support/factories.js';
import type { TestServer } from '../../server/test/support/server.js';
import { EVENT_TIMEOUT_MS, clientPool, connected, nextStatus, useSdkServer } from './support/sdk.js';

// Issue 4 § SDK: gap detection and catch-up, and events that never repeat a message to the application.

describe('MessageStream against a real server', () => {
  let t: TestServer;
  const pool = clientPool();
  useSdkServer(pool, undefined, (server) => (t = server));

  /** Resolves once `seen` holds `count` messages; rejects after the event bound. */
  const collected = (seen: Message[], count: number, onMessage: (listener: (m: Message) => void) => () => void) =>
    new Promise<void>((resolve, reject) => {
      if (seen.length >= count) return resolve();
      const timer = setTimeout(() => reject(new Error(`only ${seen.length} of ${count} messages`)), EVENT_TIMEOUT_MS);
      const off = onMessage(() => {
        if (seen.length < count) return;
        clearTimeout(timer);
        off();
        resolve();
      });
    });

  it('delivers live messages once, in order, and catches up what was sent while disconnected', async () => {
    const { client, provider, conversation } = await createProject(t);
    const parley = pool.make(t, provider);
    const seen: Message[] = [];
    parley.stream.onMessage((message) => seen.push(message));
    parley.stream.track(conversation.id, 1); // the provider holds the system message
    await connected(parley);

    const send = (text: string) => expectStatus(t.api(client.token, 'POST', `/conversations/${conversation.id}/messages`, { text }), 201);
    await send('live one');
    await collected(seen, 1, (l) => parley.stream.onMessage(l));

    // Offline: the socket is closed while three messages are sent.
    parley.realtime.disconnect();
    for (const text of ['missed one', 'missed two', 'missed three']) await send(text);
    const reconnected = nextStatus(parley, 'connected');
    parley.realtime.connect();
    await reconnected;
    await collected(seen, 4, (l) => parley.stream.onMessage(l));

    await send('live again');
    await collected(seen, 5, (l) => parley.stream.onMessage(l));
    expect(seen.map((m) => m.text)).toEqual(['live one', 'missed one', 'missed two', 'missed three', 'live again']);
    expect(seen.map((m) => m.seq)).toEqual([2, 3, 4, 5, 6]);
  });

  it('after a reconnection, brings what changed while away through /api/sync: messages once, other changes to onChange', async () => {
    const { client, provider: agency, project, conversation } = await createProject(t, { agency: true });
    const worker = await signIn(t, { role: 'worker', agencyId: agency.id });
    const parley = pool.make(t, agency);
    const seen: Message[] = [];
    const changes: SyncChange[] = [];
    parley.stream.onMessage((message) => seen.push(message));
    parley.stream.onChange((change) => changes.push(change));
    parley.stream.track(conversation.id, 1);
    await connected(parley);
    const errors: unknown[] = [];
    parley.stream.onError((error) => errors.push(error));

    parley.realtime.disconnect();
    const sent = [];
    for (const text of ['away one', 'away two']) {
      sent.push(await expectStatus(t.api(client.token, 'POST', `/conversations/${conversation.id}/messages`, { text }), 201));
    }
    await expectStatus(t.api(agency.token, 'POST', `/projects/${project.id}/workers`, { userId: worker.id }), 200);
    const reconnected = nextStatus(parley, 'connected');
    parley.realtime.connect();
    await reconnected;
    await collected(seen, 3, (l) => parley.stream.onMessage(l)); // two messages and the system message about the worker
    expect(seen.map((m) => m.seq)).toEqual([2, 3, 4]);
    expect(seen.slice(0, 2).map((m) => m.id)).toEqual(sent.map((m) => m.id));
    await expect.poll(() => changes.map((c) => `${c.kind} ${'userId' in c ? c.userId : ''}`)).toEqual([
      `conversation.read ${client.id}`, // the client's first message covered the system message
      `participant.added ${worker.id}`,
    ]);
    expect(errors).toEqual([]);
  });

  it('fills a seq gap from history when a live message skips ahead, never repeating one', async () => {
    const { client, provider, conversation } = await createProject(t);
    const parley = pool.make(t, provider);
    const seen: Message[] = [];
    parley.stream.onMessage((message) => seen.push(message));
    await connected(parley);
    const send = (text: string) => expectStatus(t.api(client.token, 'POST', `/conversations/${conversation.id}/messages`, { text }), 201);
    await send('before tracking'); // seq 2, which the application "holds" already

    parley.stream.track(conversation.id, 0); // but it claims to hold nothing: the next live message (seq 3) is a gap
    await send('after tracking');
    await collected(seen, 3, (l) => parley.stream.onMessage(l));
    expect(seen.map((m) => m.seq)).toEqual([1, 2, 3]);

    // A sync with nothing new delivers nothing again, and neither does a repeated push (as a recovering
    // connection may replay): the socket's own message:new listeners get already delivered messages again.
    await parley.stream.sync(conversation.id);
    for (const listener of parley.realtime.socket.listeners('message:new')) for (const message of seen.slice(1)) listener({ message });
    expect(seen.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('tries a failed catch-up again on its own: what was missed arrives with no further message or reconnection', async () => {
    const { client, provider, conversation } = await createProject(t);
    // The application's token source, briefly unreachable: every REST call fails while `unreachable` is set.
    let unreachable = false;
    const parley = pool.make(t, {
      getToken: () => (unreachable ? Promise.reject(new Error('token service unreachable')) : Promise.resolve(provider.token)),
    });
    const seen: Message[] = [];
    const errors: unknown[] = [];
    parley.stream.onMessage((message) => seen.push(message));
    parley.stream.onError((error) => errors.push(error));
    parley.stream.track(conversation.id, 1); // the provider holds the system message
    await connected(parley);

    parley.realtime.disconnect();
    await expectStatus(t.api(client.token, 'POST', `/conversations/${conversation.id}/messages`, { text: 'sent while away' }), 201);
    // The socket authenticates first; the catch-up after it, registered earlier, runs once this listener has cut the tokens off.
    parley.realtime.onStatus(({ state }) => state === 'connected' && (unreachable = true));
    const reconnected = nextStatus(parley, 'connected');
    parley.realtime.connect();
    await reconnected;
    // Both ways of catching up fail: the sync, then the conversation's history.
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${errors.length} of 2 catch-ups failed`)), EVENT_TIMEOUT_MS);
      const off = parley.stream.onError(() => {
        if (errors.length < 2) return;
        clearTimeout(timer);
        off();
        resolve();
      });
    });
    expect(seen).toEqual([]);

    unreachable = false;
    await collected(seen, 1, (l) => parley.stream.onMessage(l));
    expect(seen.map((m) => [m.seq, m.text])).toEqual([[2, 'sent while away']]);
  });
});
