import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createProject, expectStatus } from '../../server/test/support/factories.js';
import type { TestServer } from '../../server/test/support/server.js';
import {
  LIVE_TIMEOUT,
  UI_TIMEOUT,
  composer,
  messageLog,
  messageRow,
  openAs,
  openBothSides,
  openMessageActions,
  seedMessages,
  waitForThread,
  waitUntil,
  type ContextPool,
} from './support/app.js';
import { useApp } from './support/lifecycle.js';

const LOCKED = 'This conversation is locked; no new messages can be sent.';

/** Issue 5 in the browser: reports and an admin's moderation (REST or the admin page) reach participants' open threads live. */
describe('moderation seen by a participant', () => {
  let t: TestServer;
  let browser: Browser;
  const pool: ContextPool = [];

  useApp(pool, (started) => ([t, browser] = started));

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

  it('locks a conversation from the admin page, found by its title, and its participant sees the composer close', async () => {
    const { provider, admin, conversation } = await createProject(t, { title: `Admin page lock ${Math.random().toString(36).slice(2, 7)}` });
    const [thread, adminPage] = await Promise.all([
      openAs(browser, t.url, provider, { path: `/c/${conversation.id}`, pool }),
      openAs(browser, t.url, admin, { pool }),
    ]);
    await waitForThread(thread);

    await adminPage.getByRole('link', { name: 'Admin' }).click();
    await adminPage.getByRole('searchbox', { name: 'Search all conversations' }).fill(conversation.title);
    const rows = adminPage.getByRole('list', { name: 'All conversations' }).getByRole('listitem');
    // Until the search answers, the list holds every conversation: wait until this one is the only row.
    await rows.filter({ hasText: conversation.title }).and(rows.first()).and(rows.last()).waitFor({ timeout: UI_TIMEOUT });
    await rows.getByRole('button', { name: 'Lock' }).click();

    await thread.getByText(LOCKED).waitFor({ timeout: LIVE_TIMEOUT });
    expect(await composer(thread).isDisabled()).toBe(true);
    await rows.getByRole('button', { name: 'Unlock' }).waitFor({ timeout: UI_TIMEOUT });
  });

  it('takes a report from a participant into the admin queue, where "Delete message" deletes it for both sides', async () => {
    const { fixture, client, provider } = await openBothSides(t, browser, pool, { title: 'Report check' });
    await seedMessages(t, fixture.client, fixture.conversation.id, ['Pay me outside the platform']);
    await messageRow(provider, 'Pay me outside the platform').waitFor({ timeout: LIVE_TIMEOUT });

    await (await openMessageActions(provider, 'Pay me outside the platform')).getByRole('menuitem', { name: 'Report' }).click();
    const dialog = provider.getByRole('dialog', { name: 'Report message' });
    await dialog.getByRole('radio', { name: 'Contact outside the platform' }).check();
    await dialog.getByRole('textbox', { name: 'Note (optional)' }).fill('Asks to skip the fees');
    await dialog.getByRole('button', { name: 'Report' }).click();
    await provider.getByRole('status').getByText('Reported. Thank you.').waitFor({ timeout: UI_TIMEOUT });

    const adminPage = await openAs(browser, t.url, fixture.admin, { path: '/admin/reports', pool });
    const report = adminPage.getByRole('list', { name: 'Open reports' }).getByRole('listitem').filter({ hasText: 'Asks to skip the fees' });
    await report.getByText('Pay me outside the platform').waitFor({ timeout: UI_TIMEOUT });
    await report.getByText('Contact outside the platform').waitFor({ timeout: UI_TIMEOUT });
    await report.getByRole('button', { name: 'Delete message' }).click();
    await report.waitFor({ state: 'detached', timeout: UI_TIMEOUT });

    for (const page of [client, provider]) await messageLog(page).getByText('This message was deleted').waitFor({ timeout: LIVE_TIMEOUT });
  });
});
