import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectStatus } from '../../server/test/support/factories.js';
import type { TestServer } from '../../server/test/support/server.js';
import { LIVE_TIMEOUT, UI_TIMEOUT, composer, messageRow, sendFromComposer, untilLive, type ContextPool } from './support/app.js';
import { fontWeightOf, inboxLink, namedProject, openThread } from './support/collaboration.js';
import { useApp } from './support/lifecycle.js';

const CLIENT = 'Clara Weiss';
const PROVIDER = 'Bruno Castellanos';
const MENTION = `@${PROVIDER}`;
/** CSS `font-weight` from which text reads as bold (600, Tailwind's `font-semibold`, and up). */
const BOLD = 600;

/**
 * README § Mentions and docs/api.md § Mentions in the browser: the composer suggests participants after `@`, the
 * sent mention is set apart in both threads and marked for the person named, and it notifies them through the bell
 * even in a conversation they muted, where an ordinary message does not.
 */
describe('mentions between a client and a provider', () => {
  let t: TestServer;
  let browser: Browser;
  const pool: ContextPool = [];

  useApp(pool, (started) => ([t, browser] = started));

  it('suggests the provider after "@Br", inserts the full name, shows it bold on both sides and marks it for the provider', async () => {
    const fixture = await namedProject(t, 'Mention check', { client: CLIENT, provider: PROVIDER });
    const [client, provider] = await Promise.all([
      openThread(t, browser, pool, fixture.client, fixture.conversation.id),
      openThread(t, browser, pool, fixture.provider, fixture.conversation.id),
    ]);

    await composer(client).pressSequentially('Hi @Br');
    const suggestions = client.getByRole('listbox', { name: 'Mention suggestions' });
    await suggestions.waitFor({ timeout: UI_TIMEOUT });
    expect(await suggestions.getByRole('option').allTextContents()).toEqual([PROVIDER]);
    expect(await suggestions.getByRole('option', { name: PROVIDER }).getAttribute('aria-selected')).toBe('true');
    await composer(client).press('Enter');
    expect(await composer(client).inputValue()).toBe(`Hi ${MENTION} `);
    await suggestions.waitFor({ state: 'detached', timeout: UI_TIMEOUT });

    await composer(client).pressSequentially('could you review the mockups?');
    await composer(client).press('Enter');
    const text = `Hi ${MENTION} could you review the mockups?`;

    for (const page of [provider, client]) {
      const mention = messageRow(page, text).locator('[data-mention]');
      await mention.waitFor({ timeout: page === provider ? LIVE_TIMEOUT : UI_TIMEOUT });
      expect(await mention.textContent()).toBe(MENTION);
      expect(await fontWeightOf(mention)).toBeGreaterThanOrEqual(BOLD);
    }
    // Only the person named gets the "Mentions you" marker.
    expect(await messageRow(provider, text).getByText('Mentions you').count()).toBe(1);
    expect(await messageRow(client, text).getByText('Mentions you').count()).toBe(0);
  });

  it('notifies the provider of a mention in a conversation they muted, though not of the message before it', async () => {
    const fixture = await namedProject(t, 'Muted mention', { client: CLIENT, provider: PROVIDER });
    const { conversation, project } = fixture;
    // The project's opening system message notifies the provider in the background: let it land, then clear it.
    await t.server.app.settled();
    await expectStatus(t.api(fixture.provider.token, 'POST', '/notifications/read', { all: true }), 200);
    const [client, provider] = await Promise.all([
      openThread(t, browser, pool, fixture.client, conversation.id),
      openThread(t, browser, pool, fixture.provider, conversation.id),
    ]);

    // The provider mutes the conversation from its header, then leaves it for the inbox.
    await provider.getByRole('button', { name: 'Mute conversation' }).click();
    await provider.getByRole('button', { name: 'Unmute conversation' }).waitFor({ timeout: UI_TIMEOUT });
    await untilLive(provider, () => provider.goto(`${t.url}/`));
    const link = inboxLink(provider, conversation.title);
    await link.getByText('Muted', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    await provider.getByRole('button', { name: 'Notifications', exact: true }).waitFor({ timeout: UI_TIMEOUT });

    // An ordinary message reaches the inbox but, muted, not the bell …
    await sendFromComposer(client, 'Small update: the fonts are licensed.');
    await link.getByText('Small update: the fonts are licensed.').waitFor({ timeout: LIVE_TIMEOUT });
    // … a mention does.
    await composer(client).pressSequentially('@Bru');
    await client.getByRole('option', { name: PROVIDER }).click();
    await composer(client).pressSequentially('please confirm the deadline.');
    await composer(client).press('Enter');
    await provider.getByRole('button', { name: 'Notifications, 1 unread' }).waitFor({ timeout: UI_TIMEOUT });

    await provider.getByRole('button', { name: 'Notifications, 1 unread' }).click();
    const items = provider.getByRole('dialog', { name: 'Notifications' }).getByRole('list', { name: 'Notifications' }).getByRole('button');
    const item = items.filter({ hasText: `${MENTION} please confirm the deadline.` });
    await item.waitFor({ timeout: UI_TIMEOUT });
    // The list keeps read notifications too (the project's opening one): this is the only unread one.
    expect(await items.filter({ hasText: 'Unread:' }).count()).toBe(1);
    expect(await item.textContent()).toContain('Unread:');
    const shown = (await item.textContent()) ?? '';
    expect(shown).toContain(project.title);
    expect(shown).toContain(CLIENT);
    // It covers the mention alone: the earlier, muted message was not counted in ("+1 more").
    expect(shown).not.toContain('more');
  });
});
