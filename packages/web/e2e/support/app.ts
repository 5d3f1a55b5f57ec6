import type { Browser, BrowserContext, Locator, Page, WebSocket, WebSocketRoute } from 'playwright-core';
import type { Message } from '@parley/protocol';
import { createProject, type Actor, type ProjectFixture } from '../../../server/test/support/factories.js';
import { startTestServer, type TestServer } from '../../../server/test/support/server.js';
import { launchBrowser } from './browser.js';
import { nextFrames, textContentOf } from './in-page.js';

/** Bounded wait (ms) for UI that follows a page load, one request or one live event. */
export const UI_TIMEOUT = 10_000;
/** The acceptance's bound (ms) for a message or a typing indicator to reach the other side. */
export const LIVE_TIMEOUT = 2_000;

/** The desktop and phone viewports of the tests and the screenshots. */
export const DESKTOP = { width: 1280, height: 800 } as const;
export const MOBILE = { width: 390, height: 844 } as const;

/** The browser contexts a test file opened, closed together by {@link closeContexts}. */
export type ContextPool = BrowserContext[];

/**
 * Runs `navigate` (a `goto` or a `reload`) and waits until the app's realtime socket has connected: the
 * Socket.IO CONNECT acknowledgement (`40…`) arrives on the page's WebSocket. Until then a message sent by
 * someone else reaches the page only through history, and the page's own typing notices are not sent.
 */
export async function untilLive(page: Page, navigate: () => Promise<unknown>): Promise<void> {
  // Any of the page's sockets counts: a development build of React (StrictMode) opens one, closes it, opens another.
  let onSocket: ((socket: WebSocket) => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  const live = new Promise<void>((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no realtime connection within ${UI_TIMEOUT} ms`)), UI_TIMEOUT);
    onSocket = (socket) =>
      socket.on('framereceived', (frame) => {
        if (typeof frame.payload === 'string' && frame.payload.startsWith('40')) resolve();
      });
    page.on('websocket', onSocket);
  });
  try {
    await navigate();
    await live;
  } finally {
    clearTimeout(timer);
    if (onSocket) page.off('websocket', onSocket);
  }
  // The app handles the acknowledgement in the page's own task queue: a frame later it has.
  await nextFrames(page);
}

/**
 * A fresh browser context (its own localStorage) with one page signed in as `actor` through the `#token=`
 * hand-off at `path` (the inbox by default). Resolves once the signed-in app shows and its socket is connected.
 */
export async function openAs(
  browser: Browser,
  url: string,
  actor: Pick<Actor, 'token'>,
  opts: { path?: string; viewport?: { width: number; height: number }; pool?: ContextPool } = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport: opts.viewport ?? DESKTOP });
  opts.pool?.push(context);
  const page = await context.newPage();
  await untilLive(page, () => page.goto(`${url}${opts.path ?? '/'}#token=${actor.token}`));
  await page.getByRole('button', { name: 'Sign out' }).waitFor({ timeout: UI_TIMEOUT });
  return page;
}

/**
 * A new project (titled `title` plus a random suffix) with both sides signed in, each in their own browser context:
 * both pages show its thread, or the provider's the inbox with `providerAt: 'inbox'`.
 */
export async function openBothSides(
  t: TestServer,
  browser: Browser,
  pool: ContextPool,
  opts: { title?: string; providerAt?: 'thread' | 'inbox' } = {},
): Promise<{ fixture: ProjectFixture; client: Page; provider: Page }> {
  const fixture = await createProject(t, { title: `${opts.title ?? 'Checkout redesign'} ${Math.random().toString(36).slice(2, 7)}` });
  const thread = `/c/${fixture.conversation.id}`;
  const [client, provider] = await Promise.all([
    openAs(browser, t.url, fixture.client, { path: thread, pool }),
    openAs(browser, t.url, fixture.provider, { path: opts.providerAt === 'inbox' ? '/' : thread, pool }),
  ]);
  await waitForThread(client);
  if (opts.providerAt !== 'inbox') await waitForThread(provider);
  return { fixture, client, provider };
}

/** A page's realtime connection under the test's control: see {@link controlRealtime}. */
export interface RealtimeControl {
  /** New sockets of the page wait (they reach the real server only on {@link release}). */
  hold(): void;
  /** Lets the waiting socket, and every later one, through to the server. */
  release(): void;
  /** Closes the page's open sockets, as a dropped network would; Socket.IO then reconnects by itself. */
  cut(): Promise<void>;
}

/** Routes `page`'s Socket.IO WebSockets through the test (call it before the page loads); `held` starts in {@link RealtimeControl.hold}. */
export async function controlRealtime(page: Page, opts: { held?: boolean } = {}): Promise<RealtimeControl> {
  let gate = Promise.resolve();
  let open = () => {};
  const sockets: WebSocketRoute[] = [];
  const hold = () => {
    gate = new Promise<void>((resolve) => (open = resolve));
  };
  if (opts.held) hold();
  await page.routeWebSocket(/\/socket\.io\//, async (socket) => {
    await gate;
    socket.connectToServer();
    sockets.push(socket);
  });
  return { hold, release: () => open(), cut: () => Promise.all(sockets.splice(0).map((socket) => socket.close())).then(() => undefined) };
}

/** Closes every context in `pool` (and so their pages). */
export async function closeContexts(pool: ContextPool): Promise<void> {
  await Promise.all(pool.splice(0).map((context) => context.close()));
}

/** A test file's real server (with `env` settings) and headless Chromium, started side by side. */
export function startApp(env: Record<string, string> = {}): Promise<[TestServer, Browser]> {
  return Promise.all([startTestServer({ env }), launchBrowser()]);
}

/** Closes what {@link startApp} started, and the contexts opened meanwhile; tolerates a failed start. */
export async function stopApp(pool: ContextPool, browser: Browser | undefined, t: TestServer | undefined): Promise<void> {
  await closeContexts(pool);
  await browser?.close();
  await t?.close();
}

/** The thread's message log. */
export function messageLog(page: Page): Locator {
  return page.getByRole('log', { name: 'Messages' });
}

/** The composer's textbox. */
export function composer(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Message' });
}

/** Waits until the open thread shows its history and its composer. */
export async function waitForThread(page: Page): Promise<void> {
  await messageLog(page).waitFor({ timeout: UI_TIMEOUT });
  await composer(page).waitFor({ timeout: UI_TIMEOUT });
}

/** Types `text` into the composer and presses Enter (which sends). */
export async function sendFromComposer(page: Page, text: string): Promise<void> {
  await composer(page).fill(text);
  await composer(page).press('Enter');
}

/** The delivery mark (img "Sending", "Sent", "Read" or "Failed") of the caller's own message reading `text`. */
export function deliveryMarkOf(page: Page, text: string): Locator {
  return messageLog(page).locator('[data-delivery]').filter({ hasText: text }).getByRole('img');
}

/** The thread row of the stored message whose own text is `text` (not a reply quoting it). */
export function messageRow(page: Page, text: string): Locator {
  return messageLog(page)
    .locator('[id^="message-"]')
    .filter({ has: page.getByText(text, { exact: true }) })
    .filter({ hasNot: page.getByRole('blockquote').filter({ hasText: text }) });
}

/** Opens the "Message actions" menu of the message reading `text` and answers the menu. */
export async function openMessageActions(page: Page, text: string): Promise<Locator> {
  await messageRow(page, text).getByRole('button', { name: 'Message actions' }).click();
  return page.getByRole('menu', { name: 'Message actions' });
}

/** Every match of `pattern` (which must have the `g` flag) in the log's text, in document order. */
export async function matchesInLog(page: Page, pattern: RegExp): Promise<string[]> {
  const text = await textContentOf(messageLog(page));
  return Array.from(text.matchAll(pattern), (match) => match[0]);
}

/** Sends `texts` in order as `actor` through `POST /api/conversations/:id/messages`, failing loudly. */
export async function seedMessages(t: TestServer, actor: Actor, conversationId: string, texts: readonly string[]): Promise<Message[]> {
  const sent: Message[] = [];
  for (const text of texts) {
    const response = await t.api(actor.token, 'POST', `/conversations/${conversationId}/messages`, { text });
    if (response.status !== 201) throw new Error(`seeding failed: ${response.status} ${JSON.stringify(response.body)}`);
    sent.push(response.body as Message);
  }
  return sent;
}

/**
 * Re-checks `check` on every animation frame of `page` until it holds, failing after `timeout` ms. For
 * conditions no single locator expresses (e.g. "more messages than before").
 */
export async function waitUntil(page: Page, check: () => Promise<boolean>, what: string, timeout = UI_TIMEOUT): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await nextFrames(page);
  }
}
