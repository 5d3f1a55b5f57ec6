import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn } from '../../server/test/support/factories.js';
import type { TestServer } from '../../server/test/support/server.js';
import {
  UI_TIMEOUT,
  messageLog,
  messageRow,
  openAs,
  openBothSides,
  openMessageActions,
  seedMessages,
  type ContextPool,
} from './support/app.js';
import { expectConversationHidden, isWithin } from './support/collaboration.js';
import { useApp } from './support/lifecycle.js';

const PINNED = 'The final invoice is due on 30 June';
/** Messages sent after the pinned one: enough to push it out of the log's view, fewer than a history page (50). */
const LATER_MESSAGES = 30;

/** The header's "Pinned messages <count>" button (its 📌 is hidden from the accessible name). */
const pinsButton = (page: Page, count: number) => page.getByRole('button', { name: `Pinned messages ${count}`, exact: true });

/** Opens the "Pinned messages" dialog from the header; answers the dialog. */
async function openPins(page: Page, count: number) {
  await pinsButton(page, count).click();
  return page.getByRole('dialog', { name: 'Pinned messages' });
}

/**
 * README § Message actions, "Pin / Unpin", and docs/api.md § Pins in the browser: a pin made on one side reaches
 * the other side's open "Pinned messages" dialog live, a click there opens the thread at the message, and an unpin
 * takes it out of the list live.
 */
describe('pinned messages between a client and a provider', () => {
  let t: TestServer;
  let browser: Browser;
  const pool: ContextPool = [];

  useApp(pool, (started) => ([t, browser] = started));

  it('lists a pin live on the other side, jumps to the message from the list, and drops it live on unpin', async () => {
    const { fixture, client, provider } = await openBothSides(t, browser, pool, { title: 'Pins check' });
    const conversationId = fixture.conversation.id;
    const [pinned] = await seedMessages(t, fixture.provider, conversationId, [PINNED]);
    const later = Array.from({ length: LATER_MESSAGES }, (_, index) => `Later note ${String(index + 1).padStart(2, '0')}`);
    await seedMessages(t, fixture.client, conversationId, later);
    for (const page of [client, provider]) await messageRow(page, later.at(-1) ?? '').waitFor({ timeout: UI_TIMEOUT });

    // The provider opens the list before anything is pinned.
    const providerPins = await openPins(provider, 0);
    await providerPins.getByText('No pinned messages yet.').waitFor({ timeout: UI_TIMEOUT });

    // The client pins the provider's message from its actions menu (scrolled into view by the click).
    await (await openMessageActions(client, PINNED)).getByRole('menuitem', { name: 'Pin' }).click();
    await pinsButton(client, 1).waitFor({ timeout: UI_TIMEOUT });

    // The provider's open dialog lists it without a reload: their own message, pinned by the client.
    const item = providerPins.getByRole('list', { name: 'Pinned messages' }).getByRole('button').filter({ hasText: PINNED });
    await item.waitFor({ timeout: UI_TIMEOUT });
    expect(await item.textContent()).toContain('You');
    expect(await item.textContent()).toContain(`Pinned by ${fixture.client.name ?? ''}`);
    expect(await providerPins.getByText('No pinned messages yet.').count()).toBe(0);

    // The message is far above the provider's view; a click on the pin opens the thread at it, marked.
    const row = messageRow(provider, PINNED);
    expect(await isWithin(row, messageLog(provider)), 'the pinned message starts out of view').toBe(false);
    await item.click();
    await providerPins.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    await row.and(provider.locator('[data-highlighted]')).waitFor({ timeout: UI_TIMEOUT });
    expect(await isWithin(row, messageLog(provider)), 'the pinned message is in view').toBe(true);
    expect(new URL(provider.url()).searchParams.get('message')).toBe(pinned?.id);

    // With the list open again, the client unpins: it leaves the provider's list live.
    const again = await openPins(provider, 1);
    await item.waitFor({ timeout: UI_TIMEOUT });
    await (await openMessageActions(client, PINNED)).getByRole('menuitem', { name: 'Unpin' }).click();
    await item.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    await again.getByText('No pinned messages yet.').waitFor({ timeout: UI_TIMEOUT });
    await pinsButton(client, 0).waitFor({ timeout: UI_TIMEOUT });

    // Someone outside the project cannot open the conversation at all, pins included.
    const outsider = await signIn(t, { role: 'client', name: 'Olivia Outsider' });
    await expectConversationHidden(await openAs(browser, t.url, outsider, { path: `/c/${conversationId}`, pool }), [PINNED]);
  });
});
