import { describe, expect, it } from 'vitest';
import type { Message } from '@parley/protocol';
import { ParleyError } from '@parley/sdk';
import { dialects } from '../../server/test/support/databases.js';
import { createProject, signIn, uniqueId } from '../../server/test/support/factories.js';
import type { TestServer } from '../../server/test/support/server.js';
import { clientPool, connected, nextSdkEvent, type Payload, useSdkServer } from './support/sdk.js';

// The SDK's socket half against a real server (contract § Realtime): server events through `client.on`,
// client events through `client.live.*`, whose promises resolve with the ack `data` or reject with a ParleyError.

describe.each(dialects)('ParleyClient realtime events and actions (%s)', (dialect) => {
  let t: TestServer;
  const pool = clientPool();
  useSdkServer(pool, { dialect }, (server) => (t = server));

  /** A project whose two sides each hold a connected SDK client. */
  async function connectedPair() {
    const fixture = await createProject(t);
    const client = pool.make(t, fixture.client);
    const provider = pool.make(t, fixture.provider);
    await Promise.all([connected(client), connected(provider)]);
    return { ...fixture, sdk: { client, provider } };
  }

  const inConversation = (conversationId: string, text: string) => ({ message }: Payload<'message:new'>) =>
    message.conversationId === conversationId && message.text === text;

  describe("on('message:new')", () => {
    it('receives a REST message sent by the other party, and the sender’s own socket gets it too', async () => {
      const { conversation, client, sdk } = await connectedPair();
      const atProvider = nextSdkEvent(sdk.provider, 'message:new', inConversation(conversation.id, 'hello over REST'));
      const atSender = nextSdkEvent(sdk.client, 'message:new', inConversation(conversation.id, 'hello over REST'));
      const sent = await sdk.client.messages.send(conversation.id, { text: 'hello over REST' });
      const [{ message }, own] = await Promise.all([atProvider, atSender]);
      expect(message).toEqual(sent);
      expect(message.senderId).toBe(client.id);
      expect(own.message).toEqual(sent);
    });

    it('stops calling a listener once its unsubscribe function ran', async () => {
      const { conversation, sdk } = await connectedPair();
      const heard: string[] = [];
      const off = sdk.provider.on('message:new', ({ message }) => heard.push(message.text ?? ''));
      const first = nextSdkEvent(sdk.provider, 'message:new', inConversation(conversation.id, 'first'));
      await sdk.client.messages.send(conversation.id, { text: 'first' });
      await first;
      off();
      // Another listener proves the second message arrived; the removed one must not have seen it.
      const second = nextSdkEvent(sdk.provider, 'message:new', inConversation(conversation.id, 'second'));
      await sdk.client.messages.send(conversation.id, { text: 'second' });
      await second;
      expect(heard).toEqual(['first']);
    });
  });

  describe('live.send', () => {
    it('resolves with the stored message, which the other party receives; a repeated clientId answers the same message', async () => {
      const { conversation, client, sdk } = await connectedPair();
      const clientId = uniqueId('cid');
      const delivered = nextSdkEvent(sdk.provider, 'message:new', ({ message }) => message.clientId === clientId);
      const stored = await sdk.client.live.send(conversation.id, { text: '  over the socket  ', clientId });
      expect(stored).toMatchObject({ conversationId: conversation.id, seq: 2, senderId: client.id, type: 'text', text: 'over the socket', clientId });
      expect((await delivered).message).toEqual(stored);

      expect(await sdk.client.live.send(conversation.id, { text: 'over the socket', clientId })).toEqual(stored);
      const history = await sdk.provider.messages.list(conversation.id);
      expect(history.items.filter((m: Message) => m.clientId === clientId)).toEqual([stored]);
    });

    it('rejects with CONVERSATION_READ_ONLY in a completed project’s conversation', async () => {
      const { project, conversation, sdk } = await connectedPair();
      await sdk.client.projects.close(project.id, 'completed');
      const error = await sdk.provider.live.send(conversation.id, { text: 'too late' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ParleyError);
      expect(error).toMatchObject({ code: 'CONVERSATION_READ_ONLY' });
      await expect(sdk.provider.live.typing(conversation.id, true)).rejects.toMatchObject({ code: 'CONVERSATION_READ_ONLY' });
      expect((await sdk.provider.messages.list(conversation.id)).items.map((m) => m.text)).not.toContain('too late');
    });

    it('rejects a whitespace-only text with VALIDATION_FAILED and details naming the field', async () => {
      const { conversation, sdk } = await connectedPair();
      const error = await sdk.client.live.send(conversation.id, { text: '   ' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ParleyError);
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(JSON.stringify((error as ParleyError).details)).toContain('text');
    });

    it('rejects with NOT_FOUND in a conversation the caller is not part of', async () => {
      const { conversation } = await createProject(t);
      const outsider = pool.make(t, await signIn(t, { role: 'provider' }));
      await connected(outsider);
      await expect(outsider.live.send(conversation.id, { text: 'hi' })).rejects.toMatchObject({ name: 'ParleyError', code: 'NOT_FOUND' });
    });
  });

  describe('live.join and live.leave', () => {
    it('join resolves with the conversation; leave resolves with nothing', async () => {
      const { conversation, client, provider, sdk } = await connectedPair();
      const joined = await sdk.client.live.join(conversation.id);
      expect(joined).toMatchObject({ id: conversation.id, projectId: conversation.projectId, kind: 'project', status: 'active' });
      expect(joined.participants.map((p) => p.userId).sort()).toEqual([client.id, provider.id].sort());
      expect(await sdk.client.live.leave(conversation.id)).toBeUndefined();
    });

    it('join of a foreign conversation rejects with NOT_FOUND', async () => {
      const mine = await connectedPair();
      const theirs = await createProject(t);
      const error = await mine.sdk.client.live.join(theirs.conversation.id).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ParleyError);
      expect(error).toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('live.markRead', () => {
    it('resolves with the read state and tells the other party', async () => {
      const { conversation, provider, sdk } = await connectedPair();
      await sdk.client.messages.send(conversation.id, { text: 'one' });
      const last = await sdk.client.messages.send(conversation.id, { text: 'two' });
      const told = nextSdkEvent(sdk.client, 'conversation:read', (read) => read.conversationId === conversation.id && read.userId === provider.id);
      expect(await sdk.provider.live.markRead(conversation.id, last.seq)).toEqual({ lastReadSeq: last.seq, unreadCount: 0 });
      expect(await told).toMatchObject({ conversationId: conversation.id, userId: provider.id, lastReadSeq: last.seq });
      expect(await sdk.provider.conversations.get(conversation.id)).toMatchObject({ lastReadSeq: last.seq, unreadCount: 0 });
    });

    it('rejects with NOT_FOUND for a foreign conversation', async () => {
      const mine = await connectedPair();
      const theirs = await createProject(t);
      await expect(mine.sdk.provider.live.markRead(theirs.conversation.id, 1)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('live.typing', () => {
    it('resolves with nothing and relays the start and the end of typing to the other party', async () => {
      const { conversation, client, sdk } = await connectedPair();
      const started = nextSdkEvent(sdk.provider, 'conversation:typing', (e) => e.conversationId === conversation.id && e.isTyping);
      expect(await sdk.client.live.typing(conversation.id, true)).toBeUndefined();
      expect(await started).toEqual({ conversationId: conversation.id, userId: client.id, isTyping: true });

      const stopped = nextSdkEvent(sdk.provider, 'conversation:typing', (e) => e.conversationId === conversation.id && !e.isTyping);
      await sdk.client.live.typing(conversation.id, false);
      expect(await stopped).toEqual({ conversationId: conversation.id, userId: client.id, isTyping: false });
    });

    it('rejects with NOT_FOUND for a foreign conversation', async () => {
      const mine = await connectedPair();
      const theirs = await createProject(t);
      await expect(mine.sdk.client.live.typing(theirs.conversation.id, true)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });
});
