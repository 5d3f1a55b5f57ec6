import type { Browser } from 'playwright-core';
import type { DevTokenResult } from '@parley/protocol';
import { describe, expect, it } from 'vitest';
import { expectStatus } from '../../server/test/support/factories.js';
import type { TestServer } from '../../server/test/support/server.js';
import {
  MOBILE,
  UI_TIMEOUT,
  composer,
  messageLog,
  openAs,
  waitForThread,
  type ContextPool,
} from './support/app.js';
import { useApp } from './support/lifecycle.js';
import { storedToken } from './support/in-page.js';

/** Alice's project with Paul in the demo workspace, and its first and last lines (server/src/demo/demo-data.ts). */
const CHECKOUT = 'Redesign the checkout flow';
const FIRST_LINE = 'Hi Paul, thanks for taking this on! Shall we start with a quick audit of the current checkout?';
const LAST_LINE = 'Wireframes are ready: one-page checkout with address autocomplete and Apple Pay up front. Thoughts?';

/** The demo workspace with development sign-in: the sign-in page, and the app on a phone-sized screen. */
describe('the web app with development sign-in, and on a phone', () => {
  let t: TestServer;
  let browser: Browser;
  const pool: ContextPool = [];

  useApp(pool, (started) => ([t, browser] = started), { PARLEY_DEV_AUTH: '1', PARLEY_DEMO: '1' });

  it('signs in by picking a demo user on /signin, shows their inbox and thread, and signs out', async () => {
    const context = await browser.newContext();
    pool.push(context);
    const page = await context.newPage();

    // Without a session the app sends the visitor to the sign-in page.
    await page.goto(`${t.url}/`);
    const alice = page.getByRole('button', { name: 'Alice Martin', exact: true });
    await alice.waitFor({ timeout: UI_TIMEOUT });
    expect(new URL(page.url()).pathname).toBe('/signin');
    await page.getByRole('button', { name: 'Paul Okafor', exact: true }).waitFor({ timeout: UI_TIMEOUT });

    await alice.click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor({ timeout: UI_TIMEOUT });
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await storedToken(page)).toEqual(expect.any(String));

    // Alice's inbox lists her project's conversation, not Bob's.
    const inbox = page.getByRole('navigation', { name: 'Conversations' });
    const checkout = inbox.getByRole('link', { name: new RegExp(`^${CHECKOUT}`) });
    await checkout.waitFor({ timeout: UI_TIMEOUT });
    expect(await inbox.getByRole('link', { name: /Mobile app for salon bookings/ }).count()).toBe(0);

    await checkout.click();
    await waitForThread(page);
    await messageLog(page).getByText(FIRST_LINE).waitFor({ timeout: UI_TIMEOUT });
    await messageLog(page).getByText(LAST_LINE).waitFor({ timeout: UI_TIMEOUT });
    expect(await checkout.getAttribute('aria-current')).toBe('page');
    // From 1024 px wide the project details sit beside the thread.
    await page.getByRole('complementary', { name: 'Project details' }).waitFor({ timeout: UI_TIMEOUT });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await alice.waitFor({ timeout: UI_TIMEOUT });
    expect(await storedToken(page)).toBeNull();
    expect(await messageLog(page).count()).toBe(0);
  });

  it('on a 390 × 844 screen shows the inbox, then the thread alone with a Back button that returns to the list', async () => {
    const { token } = (await expectStatus(t.api(null, 'POST', '/dev/token', { userId: 'client-alice' }), 200)) as DevTokenResult;
    const page = await openAs(browser, t.url, { token }, { viewport: MOBILE, pool });

    // The inbox fills the screen; no thread is shown beside it.
    const inbox = page.getByRole('navigation', { name: 'Conversations' });
    const checkout = inbox.getByRole('link', { name: new RegExp(`^${CHECKOUT}`) });
    await checkout.waitFor({ timeout: UI_TIMEOUT });
    expect(await messageLog(page).count()).toBe(0);
    const inboxBox = await inbox.boundingBox({ timeout: UI_TIMEOUT });
    expect(inboxBox?.width).toBeGreaterThan(MOBILE.width - 20);

    await checkout.click();
    await waitForThread(page);
    await messageLog(page).getByText(LAST_LINE).waitFor({ timeout: UI_TIMEOUT });
    expect(new URL(page.url()).pathname).toMatch(/^\/c\//);
    // The thread alone: the inbox is hidden, the Back button shown, the composer within the screen.
    await inbox.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
    const back = page.getByRole('button', { name: 'Back' });
    await back.waitFor({ timeout: UI_TIMEOUT });
    const composerBox = await composer(page).boundingBox({ timeout: UI_TIMEOUT });
    expect(composerBox && composerBox.y + composerBox.height).toBeLessThanOrEqual(MOBILE.height);
    // Below 1024 px the project details are a drawer, closed until toggled.
    const toggle = page.getByRole('button', { name: 'Project details', exact: true });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await page.getByRole('complementary', { name: 'Project details' }).waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
    await toggle.click();
    await page.getByRole('complementary', { name: 'Project details' }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('button', { name: 'Close project details' }).click();
    await page.getByRole('complementary', { name: 'Project details' }).waitFor({ state: 'hidden', timeout: UI_TIMEOUT });

    await back.click();
    await checkout.waitFor({ timeout: UI_TIMEOUT });
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await messageLog(page).count()).toBe(0);
    expect(await back.count()).toBe(0);
  });
});
