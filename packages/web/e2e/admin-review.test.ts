import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../server/test/support/factories.js';
import type { TestServer } from '../../server/test/support/server.js';
import {
  LIVE_TIMEOUT,
  UI_TIMEOUT,
  messageLog,
  messageRow,
  openAs,
  openBothSides,
  openMessageActions,
  seedMessages,
  sendFromComposer,
  type ContextPool,
} from './support/app.js';
import { useApp } from './support/lifecycle.js';

/** Edits the caller's own message reading `from` to `to` through its actions menu, and waits for the new text. */
async function editMessage(page: Page, from: string, to: string): Promise<void> {
  await (await openMessageActions(page, from)).getByRole('menuitem', { name: 'Edit', exact: true }).click();
  const editor = page.getByRole('textbox', { name: 'Edit message' });
  await editor.fill(to);
  await editor.press('Enter');
  await messageRow(page, to).waitFor({ timeout: UI_TIMEOUT });
}

/** The name `signIn` gave a test user (always set there; optional in the spec it takes). */
function nameOf(actor: Actor): string {
  if (actor.name === undefined) throw new Error(`test user ${actor.id} has no name`);
  return actor.name;
}

/**
 * Issue 5's review side in the browser: a message's edit history seen by the other participant, and an admin's
 * review of a conversation (participants, deleted text) and audit log, through the real web app and server.
 */
describe('edit history and the admin review', () => {
  let t: TestServer;
  let browser: Browser;
  const pool: ContextPool = [];

  useApp(pool, (started) => ([t, browser] = started));

  it('shows the other participant every earlier version of a message edited twice, then the current one', async () => {
    const { client, provider } = await openBothSides(t, browser, pool, { title: 'Edit history' });
    await sendFromComposer(client, 'Meet on Monday');
    await messageRow(provider, 'Meet on Monday').waitFor({ timeout: LIVE_TIMEOUT });
    await editMessage(client, 'Meet on Monday', 'Meet on Tuesday');
    await editMessage(client, 'Meet on Tuesday', 'Meet on Wednesday');

    const row = messageRow(provider, 'Meet on Wednesday');
    await row.waitFor({ timeout: LIVE_TIMEOUT });
    await row.getByRole('button', { name: 'edited' }).click();
    const versions = provider.getByRole('dialog', { name: 'Edit history' }).getByRole('list', { name: 'Versions' }).getByRole('listitem');
    await versions.nth(2).waitFor({ timeout: UI_TIMEOUT });
    const texts = await versions.allTextContents();
    expect(texts).toHaveLength(3);
    expect(texts[0]).toContain('Meet on Monday');
    expect(texts[1]).toContain('Meet on Tuesday');
    expect(texts[2]).toContain('Meet on Wednesday');
    expect(texts.map((text) => text.includes('Current'))).toEqual([false, false, true]);
  });

  it('lets an admin review a conversation from /admin: participants, the deleted message with its text, and the deleter by name in the audit log', async () => {
    const { fixture, client, provider } = await openBothSides(t, browser, pool, { title: 'Admin review' });
    const title = fixture.conversation.title;
    const [clientName, providerName] = [nameOf(fixture.client), nameOf(fixture.provider)];
    await seedMessages(t, fixture.client, fixture.conversation.id, ['Here is the brief', 'Pay me on my own site']);
    await messageRow(client, 'Pay me on my own site').waitFor({ timeout: LIVE_TIMEOUT });
    await (await openMessageActions(client, 'Pay me on my own site')).getByRole('menuitem', { name: 'Delete' }).click();
    await client.getByRole('dialog', { name: 'Delete message?' }).getByRole('button', { name: 'Delete' }).click();
    await messageLog(provider).getByText('This message was deleted').waitFor({ timeout: LIVE_TIMEOUT });

    const admin = await openAs(browser, t.url, fixture.admin, { path: '/admin', pool });
    await admin.getByRole('searchbox', { name: 'Search all conversations' }).fill(title);
    await admin.getByRole('list', { name: 'All conversations' }).getByRole('link', { name: title, exact: true }).click();

    await admin.getByRole('heading', { name: title }).waitFor({ timeout: UI_TIMEOUT });
    const participants = admin.getByRole('list', { name: 'Participants' });
    await participants.getByText(clientName, { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    await participants.getByText(providerName, { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    const history = admin.getByRole('list', { name: 'Conversation history' }).getByRole('listitem');
    const deleted = history.filter({ hasText: 'Pay me on my own site' });
    await deleted.getByText(/^Deleted /).waitFor({ timeout: UI_TIMEOUT });
    expect(await deleted.textContent()).toContain(clientName);
    expect(await history.filter({ hasText: 'Here is the brief' }).getByText(/^Deleted /).count()).toBe(0);

    await admin.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Audit log' }).click();
    const entry = admin.getByRole('list', { name: 'Audit log' }).getByRole('listitem').filter({ hasText: 'message.deleted' }).filter({ hasText: title });
    await entry.waitFor({ timeout: UI_TIMEOUT });
    expect(await entry.textContent()).toContain(`by ${clientName} in ${title}`);
    await entry.getByRole('link', { name: title }).click();
    await admin.getByRole('heading', { name: title }).waitFor({ timeout: UI_TIMEOUT });
  });
});
