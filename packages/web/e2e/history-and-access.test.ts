import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createProject, expectStatus, signIn } from '../../server/test/support/factories.js';
import type { TestServer } from '../../server/test/support/server.js';
import {
  UI_TIMEOUT,
  composer,
  matchesInLog,
  messageLog,
  openAs,
  seedMessages,
  waitForThread,
  waitUntil,
  type ContextPool,
} from './support/app.js';
import { useApp } from './support/lifecycle.js';
import { distanceFromBottom, scrollToTop } from './support/in-page.js';

/** How many messages the long thread holds: more than two of the app's history pages (50 each). */
const HISTORY_SIZE = 120;
/** "History message 007 of 120": zero-padded so that no message's text contains another's. */
const historyText = (n: number) => `History message ${String(n).padStart(3, '0')} of ${HISTORY_SIZE}`;
/** Matches those texts in the log's text content (where each is directly followed by its time, e.g. "…of 12003:29"). */
const HISTORY_PATTERN = new RegExp(`History message \\d{3} of ${HISTORY_SIZE}`, 'g');

describe('the web app: long histories, read-only projects and outsiders', () => {
  let t: TestServer;
  let browser: Browser;
  const pool: ContextPool = [];

  useApp(pool, (started) => ([t, browser] = started));

  it(`loads older pages while scrolling up until all ${HISTORY_SIZE} messages show, each once and in order`, async () => {
    const { client, provider, conversation } = await createProject(t, { title: 'Long thread' });
    // Both sides write, so the history holds several sender groups.
    const texts = Array.from({ length: HISTORY_SIZE }, (_, index) => historyText(index + 1));
    for (let start = 0; start < HISTORY_SIZE; start += 10) {
      await seedMessages(t, start % 20 === 0 ? client : provider, conversation.id, texts.slice(start, start + 10));
    }

    const page = await openAs(browser, t.url, provider, { path: `/c/${conversation.id}`, pool });
    await waitForThread(page);
    const log = messageLog(page);
    await log.getByText(historyText(HISTORY_SIZE), { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    const firstPage = await matchesInLog(page, HISTORY_PATTERN);
    expect(firstPage.length).toBeLessThan(HISTORY_SIZE);
    // Opened at the bottom: the newest message is in view.
    expect(await distanceFromBottom(log)).toBeLessThan(50);

    const beginning = log.getByText('Beginning of the conversation');
    let rounds = 0;
    while ((await beginning.count()) === 0) {
      rounds += 1;
      expect(rounds, 'history pages loaded').toBeLessThanOrEqual(5);
      const held = await matchesInLog(page, HISTORY_PATTERN);
      if (rounds % 2 === 1) {
        // Scrolling to the top asks for the page before the oldest message…
        await scrollToTop(log);
      } else {
        // …and so does the button at the top of the log. (A real click would scroll it into view first,
        // which already asks for that page; dispatching the click tests the button on its own.)
        await log.getByRole('button', { name: 'Load earlier messages' }).dispatchEvent('click', undefined, { timeout: UI_TIMEOUT });
      }
      await waitUntil(
        page,
        async () => (await beginning.count()) > 0 || (await matchesInLog(page, HISTORY_PATTERN)).length > held.length,
        `an older page after round ${rounds}`,
      );
      if (rounds % 2 === 1) {
        // The reader keeps their place: the page is inserted above, and the message that was at the top stays in view.
        const [logBox, oldBox] = await Promise.all([log.boundingBox({ timeout: UI_TIMEOUT }), log.getByText(held[0] ?? '', { exact: true }).boundingBox({ timeout: UI_TIMEOUT })]);
        expect(oldBox && logBox && oldBox.y >= logBox.y && oldBox.y < logBox.y + logBox.height, `"${held[0]}" still in view`).toBe(true);
      }
    }
    expect(rounds).toBeGreaterThanOrEqual(2);

    expect(await matchesInLog(page, HISTORY_PATTERN)).toEqual(texts);
    expect(await log.getByRole('button', { name: 'Load earlier messages' }).count()).toBe(0);
  });

  it('shows the disabled composer with its reason once the project is completed', async () => {
    const { client, project, conversation } = await createProject(t, { title: 'Finished work' });
    await seedMessages(t, client, conversation.id, ['Thanks, all delivered.']);
    await expectStatus(t.api(client.token, 'PATCH', `/projects/${project.id}`, { status: 'completed' }), 200);

    const page = await openAs(browser, t.url, client, { path: `/c/${conversation.id}`, pool });
    await waitForThread(page);
    await page.getByText('This project is completed; the conversation is read-only.').waitFor({ timeout: UI_TIMEOUT });
    expect(await composer(page).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Send' }).isDisabled()).toBe(true);
    // The history stays readable.
    await messageLog(page).getByText('Thanks, all delivered.').waitFor({ timeout: UI_TIMEOUT });
  });

  it('disables the composer of an open thread when the other side completes the project', async () => {
    const { client, provider, project, conversation } = await createProject(t, { title: 'Completed while open' });
    const page = await openAs(browser, t.url, provider, { path: `/c/${conversation.id}`, pool });
    await waitForThread(page);
    expect(await composer(page).isEnabled()).toBe(true);

    await expectStatus(t.api(client.token, 'PATCH', `/projects/${project.id}`, { status: 'completed' }), 200);
    await waitUntil(page, () => composer(page).isDisabled(), 'the composer to be disabled');
    await page.getByText('This project is completed; the conversation is read-only.').waitFor({ timeout: UI_TIMEOUT });
  });

  it('answers "Conversation not found" to an outsider who opens the conversation by its URL, showing none of it', async () => {
    const { client, conversation } = await createProject(t, { title: 'Private matter' });
    await seedMessages(t, client, conversation.id, ['The confidential budget is 42,000 EUR.']);
    const outsider = await signIn(t, { role: 'client', name: 'Olivia Outsider' });

    const page = await openAs(browser, t.url, outsider, { path: `/c/${conversation.id}`, pool });
    await page.getByText('Conversation not found').waitFor({ timeout: UI_TIMEOUT });
    expect(await messageLog(page).count()).toBe(0);
    expect(await composer(page).count()).toBe(0);
    expect(await page.getByText('The confidential budget', { exact: false }).count()).toBe(0);
    expect(await page.getByText('Private matter').count()).toBe(0);
    // Nor does the inbox list it.
    const nav = page.getByRole('navigation', { name: 'Conversations' });
    await nav.getByText('No conversations yet.').waitFor({ timeout: UI_TIMEOUT });
  });
});
