import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject } from './support/factories.js';
import { nextEvent } from './support/events.js';
import { startTestServer, type TestServer } from './support/server.js';

describe('smoke: accept a proposal, then chat over REST and Socket.IO', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it('delivers a REST message to the other participant as message:new', async () => {
    const { client, provider, conversation } = await createProject(t);
    expect(conversation.participants.map((p) => p.userId).sort()).toEqual([client.id, provider.id].sort());
    const socket = await t.connect(provider.token);
    const delivered = nextEvent(socket, 'message:new', ({ message }) => message.conversationId === conversation.id && message.type === 'text');
    const sent = await t.api(client.token, 'POST', `/conversations/${conversation.id}/messages`, { text: '  hello  ', clientId: 'c1' });
    expect(sent.status).toBe(201);
    expect(sent.body.text).toBe('hello');
    expect(sent.body.seq).toBe(2);
    const { message } = await delivered;
    expect(message.id).toBe(sent.body.id);
  });
});
