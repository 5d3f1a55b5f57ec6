import type { Browser, Page } from 'playwright-core';
import type { NotificationPage } from '@parley/protocol';
import { describe, expect, it } from 'vitest';
import { createProject, expectStatus } from '../../server/test/support/factories.js';
import type { TestServer } from '../../server/test/support/server.js';
import {
  LIVE_TIMEOUT,
  UI_TIMEOUT,
  messageLog,
  openAs,
  sendFromComposer,
  waitForThread,
  waitUntil,
  type ContextPool,
} from './support/app.js';
import { useApp } from './support/lifecycle.js';

/**
 * Issue 4 in the browser: the bell of a provider who is on the inbox counts a new message from the client, its
 * list leads to the conversation and the count drops; the client sees the provider's presence change live.
 */
describe('notifications and presence in the web app', () => {
  let t: TestServer;
  let browser: Browser;
  const pool: ContextPool = [];

  useApp(pool, (started) => ([t, browser] = started));

  /** The presence dot beside `name` in the open conversation's "Project details" panel. */
  const presenceOf = (page: Page, name: string) =>
    page.getByRole('complementary', { name: 'Project details' }).getByRole('listitem').filter({ hasText: name }).getByRole('img');

  it('counts a new message on the bell of a provider on the inbox, opens it from the list, and shows presence live', async () => {
    const fixture = await createProject(t, { title: `Bell check ${Math.random().toString(36).slice(2, 7)}` });
    // The project's opening system message notifies the provider in the background: let it land, then clear it.
    await t.server.app.settled();
    await expectStatus(t.api(fixture.provider.token, 'POST', '/notifications/read', { all: true }), 200);
    const providerName = fixture.provider.name ?? '';

    // The client opens the thread while the provider has never connected.
    const client = await openAs(browser, t.url, fixture.client, { path: `/c/${fixture.conversation.id}`, pool });
    await waitForThread(client);
    await presenceOf(client, providerName).and(client.getByRole('img', { name: 'offline' })).waitFor({ timeout: UI_TIMEOUT });

    // The provider signs in on the inbox: the client's participant list turns them online, live.
    const provider = await openAs(browser, t.url, fixture.provider, { path: '/', pool });
    await presenceOf(client, providerName).and(client.getByRole('img', { name: 'online' })).waitFor({ timeout: LIVE_TIMEOUT });
    const bell = provider.getByRole('button', { name: /^Notifications/ });
    await provider.getByRole('button', { name: 'Notifications', exact: true }).waitFor({ timeout: UI_TIMEOUT });

    await sendFromComposer(client, 'Could you send the first mockups today?');
    await provider.getByRole('button', { name: 'Notifications, 1 unread' }).waitFor({ timeout: LIVE_TIMEOUT });

    await bell.click();
    const dialog = provider.getByRole('dialog', { name: 'Notifications' });
    const item = dialog.getByRole('listitem').filter({ hasText: 'Could you send the first mockups today?' });
    await item.waitFor({ timeout: UI_TIMEOUT });
    expect(await item.textContent()).toContain(fixture.project.title);
    expect(await item.textContent()).toContain(fixture.client.name ?? '');
    await item.getByRole('button').click();

    await messageLog(provider).getByText('Could you send the first mockups today?').waitFor({ timeout: UI_TIMEOUT });
    expect(new URL(provider.url()).pathname).toBe(`/c/${fixture.conversation.id}`);
    await provider.getByRole('button', { name: 'Notifications', exact: true }).waitFor({ timeout: UI_TIMEOUT });
    expect(await dialog.count()).toBe(0);
    // The server agrees (the page told it without waiting for the answer): nothing unread is left for the provider.
    await waitUntil(
      provider,
      async () => ((await expectStatus(t.api(fixture.provider.token, 'GET', '/notifications?unread=true'), 200)) as NotificationPage).items.length === 0,
      'the provider’s notification to be read on the server',
    );

    // The provider's page closes: the client sees "last seen …".
    await provider.close();
    await presenceOf(client, providerName).and(client.getByRole('img', { name: /^last seen / })).waitFor({ timeout: LIVE_TIMEOUT });
  });
});
