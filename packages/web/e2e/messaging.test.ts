import type { HistoryPage, Message } from '@parley/protocol';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createProject, expectStatus, type ProjectFixture } from '../../server/test/support/factories.js';
import type { TestServer } from '../../server/test/support/server.js';
import {
  LIVE_TIMEOUT,
  UI_TIMEOUT,
  composer,
  controlRealtime,
  deliveryMarkOf,
  matchesInLog,
  messageLog,
  openAs,
  openBothSides,
  seedMessages,
  sendFromComposer,
  untilLive,
  waitForThread,
  type ContextPool,
  type RealtimeControl,
} from './support/app.js';
import { useApp } from './support/lifecycle.js';
import { storedToken } from './support/in-page.js';

/**
 * Two people of one project, each in their own browser context (own localStorage, own socket): live messages,
 * typing, read marks, a reload and a bad network, through the real web app served by a real server.
 */
describe('the web app between a client and a provider', () => {
  let t: TestServer;
  let browser: Browser;
  const pool: ContextPool = [];

  useApp(pool, (started) => ([t, browser] = started));

  /** The provider's page on the project's thread, its socket under the test's control (`held`: not let through yet). */
  async function openWithRealtimeControl(fixture: ProjectFixture, opts: { held: boolean }): Promise<{ page: Page; realtime: RealtimeControl }> {
    const context = await browser.newContext();
    pool.push(context);
    const page = await context.newPage();
    const realtime = await controlRealtime(page, { held: opts.held });
    const load = () => page.goto(`${t.url}/c/${fixture.conversation.id}#token=${fixture.provider.token}`);
    await (opts.held ? load() : untilLive(page, load));
    await waitForThread(page);
    return { page, realtime };
  }

  it('shows a message sent on one side on the other within 2 s, both ways', async () => {
    const { client, provider } = await openBothSides(t, browser, pool);

    await sendFromComposer(client, 'Hello Paul, can we start on Monday?');
    await messageLog(provider).getByText('Hello Paul, can we start on Monday?').waitFor({ timeout: LIVE_TIMEOUT });

    await sendFromComposer(provider, 'Monday works for me.');
    await messageLog(client).getByText('Monday works for me.').waitFor({ timeout: LIVE_TIMEOUT });

    // The sender sees it once, marked as stored ("Sent" or already "Read"), and the composer emptied.
    await deliveryMarkOf(provider, 'Monday works for me.').and(provider.getByRole('img', { name: /^(Sent|Read)$/ })).waitFor({ timeout: UI_TIMEOUT });
    expect(await messageLog(provider).getByText('Monday works for me.').count()).toBe(1);
    expect(await messageLog(client).getByText('Hello Paul, can we start on Monday?').count()).toBe(1);
    expect(await composer(client).inputValue()).toBe('');
  });

  it('shows "<name> is typing…" on the other side while one types, and clears it when the message is sent', async () => {
    const { fixture, client, provider } = await openBothSides(t, browser, pool);
    const typing = provider.getByText(`${fixture.client.name} is typing…`);
    expect(await typing.count()).toBe(0);

    await composer(client).pressSequentially('Quick question about');
    await typing.waitFor({ timeout: LIVE_TIMEOUT });
    // Only the other side sees it: nobody is typing towards the client.
    expect(await client.getByText(/is typing…/).count()).toBe(0);

    await composer(client).pressSequentially(' the deadline');
    await composer(client).press('Enter');
    await messageLog(provider).getByText('Quick question about the deadline').waitFor({ timeout: LIVE_TIMEOUT });
    // Cleared by the send, well before the indicator would lapse on its own (6 s).
    await typing.waitFor({ state: 'detached', timeout: LIVE_TIMEOUT });
  });

  it('clears the typing indicator when the typist empties the composer', async () => {
    const { fixture, client, provider } = await openBothSides(t, browser, pool);
    const typing = client.getByText(`${fixture.provider.name} is typing…`);

    await composer(provider).pressSequentially('Actually');
    await typing.waitFor({ timeout: LIVE_TIMEOUT });
    await composer(provider).fill('');
    await typing.waitFor({ state: 'detached', timeout: LIVE_TIMEOUT });
  });

  it('turns the sender\'s mark into "Read" once the other side opens the conversation', async () => {
    const { fixture, client, provider } = await openBothSides(t, browser, pool, { providerAt: 'inbox' });

    await sendFromComposer(client, 'The wireframes are attached to the project.');
    const mark = deliveryMarkOf(client, 'The wireframes are attached to the project.');
    await mark.and(client.getByRole('img', { name: 'Sent' })).waitFor({ timeout: UI_TIMEOUT });

    // The provider has not opened it: it stays "Sent" while the inbox counts it as unread.
    const link = provider.getByRole('navigation', { name: 'Conversations' }).getByRole('link', { name: fixture.conversation.title });
    await link.getByText(/^\d+ unread messages?$/).waitFor({ timeout: UI_TIMEOUT });
    expect(await mark.getAttribute('aria-label')).toBe('Sent');

    await link.click();
    await messageLog(provider).getByText('The wireframes are attached to the project.').waitFor({ timeout: UI_TIMEOUT });
    await mark.and(client.getByRole('img', { name: 'Read' })).waitFor({ timeout: UI_TIMEOUT });
    await link.getByText(/unread message/).waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  });

  it('shows "Read" on opening a thread whose messages the other side read while the sender was away', async () => {
    const fixture = await createProject(t, { title: `Read while away ${Math.random().toString(36).slice(2, 7)}` });
    const [read, unread] = await seedMessages(t, fixture.client, fixture.conversation.id, ['Read while you were away', 'Not read yet']);
    if (!read || !unread) throw new Error('two messages were seeded');
    await expectStatus(t.api(fixture.provider.token, 'POST', `/conversations/${fixture.conversation.id}/read`, { seq: read.seq }), 200);

    const client = await openAs(browser, t.url, fixture.client, { path: `/c/${fixture.conversation.id}`, pool });
    await waitForThread(client);
    await deliveryMarkOf(client, 'Read while you were away').and(client.getByRole('img', { name: 'Read' })).waitFor({ timeout: UI_TIMEOUT });
    expect(await deliveryMarkOf(client, 'Not read yet').getAttribute('aria-label')).toBe('Sent');
  });

  it('shows a message sent after the history loaded but before the socket connected', async () => {
    const fixture = await createProject(t, { title: 'Slow connection' });
    const { page, realtime } = await openWithRealtimeControl(fixture, { held: true });

    await seedMessages(t, fixture.client, fixture.conversation.id, ['Sent while you were connecting.']);
    realtime.release();
    await messageLog(page).getByText('Sent while you were connecting.').waitFor({ timeout: UI_TIMEOUT });
    const link = page.getByRole('navigation', { name: 'Conversations' }).getByRole('link', { name: 'Slow connection' });
    await link.getByText('Sent while you were connecting.').waitFor({ timeout: UI_TIMEOUT });
  });

  it('keeps the history, in order, across a reload, and stays live afterwards', async () => {
    const { fixture, client, provider } = await openBothSides(t, browser, pool);
    await seedMessages(t, fixture.client, fixture.conversation.id, ['First point: scope.', 'Second point: budget.']);
    await sendFromComposer(provider, 'Third point: timeline.');
    await messageLog(client).getByText('Third point: timeline.').waitFor({ timeout: LIVE_TIMEOUT });

    await untilLive(client, () => client.reload());
    await waitForThread(client);
    const log = messageLog(client);
    for (const text of ['First point: scope.', 'Second point: budget.', 'Third point: timeline.']) {
      await log.getByText(text).waitFor({ timeout: UI_TIMEOUT });
      expect(await log.getByText(text).count()).toBe(1);
    }
    const content = (await log.textContent()) ?? '';
    expect(content.indexOf('First point')).toBeLessThan(content.indexOf('Second point'));
    expect(content.indexOf('Second point')).toBeLessThan(content.indexOf('Third point'));
    // Still signed in (the token stayed in localStorage) and still receiving.
    expect(await storedToken(client)).toBe(fixture.client.token);
    await sendFromComposer(provider, 'Fourth point: after the reload.');
    await log.getByText('Fourth point: after the reload.').waitFor({ timeout: LIVE_TIMEOUT });
  });

  /**
   * A bad network: sends go through the SDK's outbox (retried with one `clientId`, over REST while the socket is
   * down) and live messages through its message stream (caught up after a lost connection).
   */
  describe('on a bad network', () => {
    /** The conversation's stored messages reading `text`, as the server holds them. */
    async function storedWithText(fixture: ProjectFixture, text: string): Promise<Message[]> {
      // The route answers the contract's history page.
      const page = (await expectStatus(t.api(fixture.client.token, 'GET', `/conversations/${fixture.conversation.id}/messages?limit=100`), 200)) as HistoryPage;
      return page.items.filter((message) => message.text === text);
    }

    it('after a lost connection shows what was sent meanwhile, once each and in order, and stays live', async () => {
      const fixture = await createProject(t, { title: 'Patchy network' });
      const { page, realtime } = await openWithRealtimeControl(fixture, { held: false });
      const banner = page.getByText('Connection lost. Reconnecting…');

      realtime.hold();
      await realtime.cut();
      await banner.waitFor({ timeout: UI_TIMEOUT });
      await seedMessages(t, fixture.client, fixture.conversation.id, ['Missed while away: one.', 'Missed while away: two.']);
      // With the socket down the outbox sends over REST; the stored copy lands above the two missed ones.
      await sendFromComposer(page, 'Written while away.');
      await deliveryMarkOf(page, 'Written while away.').and(page.getByRole('img', { name: 'Sent' })).waitFor({ timeout: UI_TIMEOUT });
      expect(await messageLog(page).getByText('Missed while away: one.').count()).toBe(0);

      realtime.release();
      await banner.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
      await messageLog(page).getByText('Missed while away: two.').waitFor({ timeout: UI_TIMEOUT });
      expect(await matchesInLog(page, /Missed while away: \w+\.|Written while away\./g)).toEqual([
        'Missed while away: one.',
        'Missed while away: two.',
        'Written while away.',
      ]);

      await seedMessages(t, fixture.client, fixture.conversation.id, ['Back online.']);
      await messageLog(page).getByText('Back online.').waitFor({ timeout: LIVE_TIMEOUT });
    });

    it('retries a send whose request failed on the network with the same clientId: stored once, shown once as "Sent"', async () => {
      const fixture = await createProject(t, { title: 'Dropped request' });
      const { page } = await openWithRealtimeControl(fixture, { held: true });
      const clientIds: unknown[] = [];
      await page.route('**/api/conversations/*/messages', async (route) => {
        if (route.request().method() !== 'POST') return route.fallback();
        clientIds.push((route.request().postDataJSON() as { clientId?: unknown }).clientId);
        // The first attempt never reaches the server, as when the connection drops mid-request.
        return clientIds.length === 1 ? route.abort('connectionreset') : route.fallback();
      });

      await sendFromComposer(page, 'Through a flaky network.');
      await deliveryMarkOf(page, 'Through a flaky network.').and(page.getByRole('img', { name: 'Sent' })).waitFor({ timeout: UI_TIMEOUT });
      expect(clientIds).toHaveLength(2);
      expect(clientIds[1]).toBe(clientIds[0]);
      expect(await messageLog(page).getByText('Through a flaky network.').count()).toBe(1);
      expect(await storedWithText(fixture, 'Through a flaky network.')).toHaveLength(1);
    });

    it('marks a send refused on its merits "Failed" at once, with Retry, and shows why the thread is closed', async () => {
      const fixture = await createProject(t, { title: 'Closed meanwhile' });
      // Offline, the page does not hear that the project was completed: its composer is still open.
      const { page } = await openWithRealtimeControl(fixture, { held: true });
      await expectStatus(t.api(fixture.client.token, 'PATCH', `/projects/${fixture.project.id}`, { status: 'completed' }), 200);

      await sendFromComposer(page, 'One more thing.');
      await deliveryMarkOf(page, 'One more thing.').and(page.getByRole('img', { name: 'Failed' })).waitFor({ timeout: UI_TIMEOUT });
      await messageLog(page).getByRole('button', { name: 'Retry' }).waitFor({ timeout: UI_TIMEOUT });
      await page.getByText(/read-only\.$/).first().waitFor({ timeout: UI_TIMEOUT });
      expect(await composer(page).isDisabled()).toBe(true);
      expect(await storedWithText(fixture, 'One more thing.')).toHaveLength(0);
    });
  });
});
