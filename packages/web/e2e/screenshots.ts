/**
 * `npm run screenshots`: pictures of the web app for the docs, taken from the demo workspace.
 *
 * Builds the web app when stale, starts a demo server in this process (random port, throwaway data folder,
 * development sign-in), signs in as Alice Martin through `POST /api/dev/token` and the `#token=` hand-off, and
 * writes docs/screenshots/{inbox,thread}-{desktop,mobile}.png (1280 × 800 and 390 × 844).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { DevTokenResult } from '@parley/protocol';
import { ensureWebBuild } from '../../../scripts/ensure-web-build.js';
import { loadConfig } from '../../server/src/config.js';
import { startServer, type RunningServer } from '../../server/src/main.js';
import { DESKTOP, MOBILE, composer, messageLog, untilLive, waitUntil } from './support/app.js';
import { launchBrowser } from './support/browser.js';
import { distanceFromBottom, fontsReady, nextFrames } from './support/in-page.js';

const OUT_DIR = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));
/** The demo user the pictures show, and the conversation they open (server/src/demo/demo-data.ts). */
const USER_ID = 'client-alice';
const CONVERSATION_TITLE = 'Redesign the checkout flow';
const LAST_LINE = 'Wireframes are ready: one-page checkout with address autocomplete and Apple Pay up front. Thoughts?';
/** Bound on each wait for the page (ms). */
const TIMEOUT = 15_000;

/** Asks the demo server for Alice's token (development sign-in). */
async function devToken(url: string): Promise<string> {
  const response = await fetch(`${url}/api/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: USER_ID }),
  });
  if (!response.ok) throw new Error(`POST /api/dev/token answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as DevTokenResult).token;
}

/** Waits until nothing on the page says it is loading, web fonts are in, and a frame has been painted. */
async function settle(page: Page): Promise<void> {
  await page.getByText(/^Loading/).first().waitFor({ state: 'detached', timeout: TIMEOUT });
  await fontsReady(page);
  await nextFrames(page, 2);
}

/** The inbox of a fresh page (its own context) signed in with `token`, shown once the conversation list is in. */
async function openInbox(browser: Browser, url: string, token: string, viewport: { width: number; height: number }): Promise<Page> {
  const phone = viewport === MOBILE;
  const context = await browser.newContext({ viewport, isMobile: phone, hasTouch: phone });
  const page = await context.newPage();
  await untilLive(page, () => page.goto(`${url}/#token=${token}`));
  await page.getByRole('navigation', { name: 'Conversations' }).getByRole('link', { name: CONVERSATION_TITLE }).waitFor({ timeout: TIMEOUT });
  await settle(page);
  return page;
}

/** Opens the demo conversation from the inbox and waits until the thread shows its newest message at the bottom. */
async function openThread(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Conversations' }).getByRole('link', { name: CONVERSATION_TITLE }).click();
  await messageLog(page).getByText(LAST_LINE).waitFor({ timeout: TIMEOUT });
  await composer(page).waitFor({ timeout: TIMEOUT });
  await settle(page);
  // Wait for the log to stick to the bottom (it scrolls there after rendering the history).
  await waitUntil(page, async () => (await distanceFromBottom(messageLog(page))) < 2, 'the log to reach its bottom', TIMEOUT);
}

async function shoot(page: Page, name: string): Promise<void> {
  const path = join(OUT_DIR, `${name}.png`);
  await page.screenshot({ path });
  console.log(`wrote docs/screenshots/${name}.png`);
}

async function main(): Promise<void> {
  ensureWebBuild();
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-screenshots-'));
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  try {
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      PARLEY_DEV_AUTH: '1',
      PARLEY_DEMO: '1',
      PARLEY_DATA_DIR: dataDir,
      PARLEY_LOG_LEVEL: 'silent',
    });
    [server, browser] = await Promise.all([startServer(config), launchBrowser()]);
    const token = await devToken(server.url);
    mkdirSync(OUT_DIR, { recursive: true });

    // Both inboxes first, while the demo conversation still shows its unread badge.
    const desktop = await openInbox(browser, server.url, token, DESKTOP);
    await shoot(desktop, 'inbox-desktop');
    const mobile = await openInbox(browser, server.url, token, MOBILE);
    await shoot(mobile, 'inbox-mobile');

    await openThread(desktop);
    await desktop.getByRole('complementary', { name: 'Project details' }).waitFor({ timeout: TIMEOUT });
    await settle(desktop);
    await shoot(desktop, 'thread-desktop');
    await openThread(mobile);
    await mobile.getByRole('button', { name: 'Back' }).waitFor({ timeout: TIMEOUT });
    await shoot(mobile, 'thread-mobile');
  } finally {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
