import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, expectStatus } from '../../server/test/support/factories.js';
import type { TestServer } from '../../server/test/support/server.js';
import { LIVE_TIMEOUT, composer, openAs, startApp, stopApp, waitForThread, waitUntil, type ContextPool } from './support/app.js';

const LOCKED = 'This conversation is locked; no new messages can be sent.';

/** Issue 5 in the browser: an admin's moderation reaches a participant's open thread live, with no reload. */
describe('moderation seen by a participant', () => {
  let t: TestServer;
  let browser: Browser;
  const pool: ContextPool = [];

  beforeAll(async () => {
    [t, browser] = await startApp();
  });
  afterAll(() => stopApp(pool, browser, t));

  it('disables the open composer with the reason when an admin locks the conversation, and enables it on unlock', async () => {
    const { provider, admin, conversation } = await createProject(t, { title: 'Locked while open' });
    const page = await openAs(browser, t.url, provider, { path: `/c/${conversation.id}`, pool });
    await waitForThread(page);
    expect(await composer(page).isEnabled()).toBe(true);
    const setStatus = (status: string) => expectStatus(t.api(admin.token, 'PATCH', `/admin/conversations/${conversation.id}/status`, { status }), 200);

    await setStatus('locked');
    await waitUntil(page, () => composer(page).isDisabled(), 'the composer to be disabled', LIVE_TIMEOUT);
    await page.getByText(LOCKED).waitFor({ timeout: LIVE_TIMEOUT });
    expect(await page.getByRole('button', { name: 'Send' }).isDisabled()).toBe(true);

    await setStatus('active');
    await waitUntil(page, () => composer(page).isEnabled(), 'the composer to be enabled again', LIVE_TIMEOUT);
    expect(await page.getByText(LOCKED).count()).toBe(0);
  });
});
