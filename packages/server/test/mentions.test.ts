import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '@parley/protocol';
import { resolveMentions } from '../src/modules/messages/mentions.js';
import { dialects } from './support/databases.js';
import { createProject, expectStatus, sendMessage, signIn, uniqueId, type Actor } from './support/factories.js';
import { startTestServer, type TestServer } from './support/server.js';

describe('resolveMentions', () => {
  const people = [
    { userId: 'ann', name: 'Ann' },
    { userId: 'ann-lee', name: 'Ann Lee' },
    { userId: 'bo', name: 'Bo Ström' },
  ];
  it('takes the longest participant name after an @, case-insensitively, once each, in order', () => {
    expect(resolveMentions('@ann lee and @Ann, see @BO STRÖM; @ann again', people)).toEqual(['ann-lee', 'ann', 'bo']);
  });
  it('needs a word boundary on both sides: e-mail addresses and longer words mention nobody', () => {
    expect(resolveMentions('mail ann@example.com or @Annabel or @nobody', people)).toEqual([]);
    expect(resolveMentions('(@Bo Ström)', people)).toEqual(['bo']);
  });
});

/** Issue 5, "mentions": `mentions` holds the mentioned participants; a mention notifies even in a muted conversation. */
describe.each(dialects)('mentions (%s)', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ dialect });
  });
  afterAll(() => t.close());

  const unreadFor = async (actor: Actor, conversationId: string) => {
    await t.server.app.settled();
    const page = await expectStatus(t.api(actor.token, 'GET', '/notifications?unread=true&limit=100'), 200);
    return page.items.filter((n: { conversationId: string }) => n.conversationId === conversationId);
  };

  it('lists the mentioned participants, notifies a mentioned user who muted the conversation, and follows edits', async () => {
    const name = `Marguerite ${uniqueId('m')}`;
    const { client, provider, conversation } = await createProjectWithProvider(name);
    await expectStatus(t.api(provider.token, 'PATCH', `/conversations/${conversation.id}/settings`, { muted: true }), 200);
    await t.server.app.settled();
    await expectStatus(t.api(provider.token, 'POST', '/notifications/read', { all: true }), 200); // the project's start

    const plain: Message = await expectStatus(sendMessage(t, client, conversation.id, { text: 'no mention here' }), 201);
    expect(plain.mentions).toEqual([]);
    expect(await unreadFor(provider, conversation.id)).toEqual([]); // muted: nothing

    const mention: Message = await expectStatus(sendMessage(t, client, conversation.id, { text: `@${name.toLowerCase()} can you check?` }), 201);
    expect(mention.mentions).toEqual([provider.id]);
    expect(await unreadFor(provider, conversation.id)).toEqual([expect.objectContaining({ messageId: mention.id })]);

    const edited = await expectStatus(t.api(client.token, 'PATCH', `/messages/${mention.id}`, { text: 'never mind' }), 200);
    expect(edited.mentions).toEqual([]);
  });

  /** A project whose provider is named `name`. */
  async function createProjectWithProvider(name: string) {
    const fixture = await createProject(t);
    const provider = await signIn(t, { role: 'provider', id: fixture.provider.id, name });
    return { ...fixture, provider };
  }
});
