import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createProject } from '../../server/test/support/factories.js';
import type { TestServer } from '../../server/test/support/server.js';
import { DESKTOP, UI_TIMEOUT, messageRow, openAs, seedMessages, type ContextPool } from './support/app.js';
import { useApp } from './support/lifecycle.js';

/** Messages written after the one searched for: more than the thread's first page (50), so it must page back. */
const LATER_MESSAGES = 60;

describe('message search in the web app', () => {
  let t: TestServer;
  let browser: Browser;
  const pool: ContextPool = [];

  // The seeding below sends faster than the default send rate allows.
  useApp(pool, (started) => ([t, browser] = started), { PARLEY_SEND_RATE: '0' });

  it('finds a message from the header, marks the words, and opens the thread scrolled to it beyond the first page', async () => {
    const fixture = await createProject(t, { title: `Search check ${Math.random().toString(36).slice(2, 7)}` });
    const conversationId = fixture.conversation.id;
    await seedMessages(t, fixture.provider, conversationId, ['The invoice number is INV-7731']);
    await seedMessages(t, fixture.client, conversationId, Array.from({ length: LATER_MESSAGES }, (_, index) => `Later message ${index + 1}`));

    const page = await openAs(browser, t.url, fixture.client, { pool });
    await page.getByRole('link', { name: 'Search messages' }).click();
    await page.getByRole('searchbox', { name: 'Search messages' }).fill('invoice');
    const result = page.getByRole('list', { name: 'Search results' }).getByRole('link').filter({ hasText: 'INV-7731' });
    await result.waitFor({ timeout: UI_TIMEOUT });
    expect(await result.locator('mark').allTextContents()).toEqual(['invoice']);
    await result.getByText(fixture.conversation.title).waitFor({ timeout: UI_TIMEOUT });

    await result.click();
    const row = messageRow(page, 'The invoice number is INV-7731');
    await row.and(page.locator('[data-highlighted]')).waitFor({ timeout: UI_TIMEOUT });
    const box = await row.boundingBox();
    expect(box, 'the message is laid out').not.toBeNull();
    expect(box && box.y >= 0 && box.y + box.height <= DESKTOP.height, 'the message is in view').toBe(true);
  });
});
