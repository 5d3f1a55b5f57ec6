import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestServer } from '../../server/test/support/server.js';
import {
  LIVE_TIMEOUT,
  UI_TIMEOUT,
  composer,
  messageLog,
  messageRow,
  openBothSides,
  openMessageActions,
  sendFromComposer,
  type ContextPool,
} from './support/app.js';
import { useApp } from './support/lifecycle.js';

/**
 * Issue 5 in the browser: what one side does to a message through its actions menu (edit, delete, reply, react),
 * the other side sees live, through the real web app served by a real server.
 */
describe('message actions between a client and a provider', () => {
  let t: TestServer;
  let browser: Browser;
  const pool: ContextPool = [];

  useApp(pool, (started) => ([t, browser] = started));

  /** A new project with both sides on its thread, and `text` sent from the client's composer and shown to the provider. */
  async function sentAndSeen(title: string, text: string) {
    const sides = await openBothSides(t, browser, pool, { title });
    await sendFromComposer(sides.client, text);
    await messageRow(sides.provider, text).waitFor({ timeout: LIVE_TIMEOUT });
    return sides;
  }

  it('shows an edit on the other side live, marked "edited"', async () => {
    const { client, provider } = await sentAndSeen('Edit check', 'Let us meet on Tuesday');

    await (await openMessageActions(client, 'Let us meet on Tuesday')).getByRole('menuitem', { name: 'Edit' }).click();
    const editor = client.getByRole('textbox', { name: 'Edit message' });
    await editor.fill('Let us meet on Wednesday');
    await editor.press('Enter');

    const edited = messageRow(provider, 'Let us meet on Wednesday');
    await edited.waitFor({ timeout: LIVE_TIMEOUT });
    await edited.getByText('edited', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    expect(await messageLog(provider).getByText('Let us meet on Tuesday').count()).toBe(0);
    await messageRow(client, 'Let us meet on Wednesday').getByText('edited', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
  });

  it('shows a deletion on the other side live as a tombstone', async () => {
    const { client, provider } = await sentAndSeen('Delete check', 'Wrong file, sorry');

    await (await openMessageActions(client, 'Wrong file, sorry')).getByRole('menuitem', { name: 'Delete' }).click();
    const dialog = client.getByRole('dialog', { name: 'Delete message?' });
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT });

    await messageLog(provider).getByText('This message was deleted').waitFor({ timeout: LIVE_TIMEOUT });
    expect(await messageLog(provider).getByText('Wrong file, sorry').count()).toBe(0);
    await messageLog(client).getByText('This message was deleted').waitFor({ timeout: UI_TIMEOUT });
    expect(await messageLog(client).getByRole('button', { name: 'Message actions' }).count()).toBe(0);
  });

  it('shows a reply with its quote on the other side live', async () => {
    const { client, provider } = await sentAndSeen('Reply check', 'Can you deliver the mockups by Friday?');

    await (await openMessageActions(provider, 'Can you deliver the mockups by Friday?')).getByRole('menuitem', { name: 'Reply' }).click();
    await provider.getByText('Replying to').waitFor({ timeout: UI_TIMEOUT });
    await composer(provider).fill('Yes, Friday works');
    await composer(provider).press('Enter');
    expect(await provider.getByText('Replying to').count()).toBe(0);

    const reply = messageRow(client, 'Yes, Friday works');
    await reply.waitFor({ timeout: LIVE_TIMEOUT });
    // The client wrote the quoted message: the quote names them "You".
    const quote = reply.getByRole('blockquote');
    await quote.getByText('You', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    await quote.getByText('Can you deliver the mockups by Friday?', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
  });

  it('shows reactions on the other side live, and a click on a chip adds or removes the reader\'s own', async () => {
    const { client, provider } = await sentAndSeen('React check', 'First draft is up');

    await (await openMessageActions(provider, 'First draft is up')).getByRole('menuitem', { name: 'React…' }).click();
    await provider.getByRole('menuitemcheckbox', { name: 'React with 👍' }).click();
    const providerChip = messageRow(provider, 'First draft is up').getByRole('button', { name: '👍 1' });
    await providerChip.and(provider.locator('[aria-pressed="true"]')).waitFor({ timeout: UI_TIMEOUT });

    const clientChip = messageRow(client, 'First draft is up').getByRole('button', { name: /^👍/ });
    await clientChip.and(client.getByRole('button', { name: '👍 1' })).waitFor({ timeout: LIVE_TIMEOUT });
    expect(await clientChip.getAttribute('aria-pressed')).toBe('false');

    await clientChip.click();
    await messageRow(provider, 'First draft is up').getByRole('button', { name: '👍 2' }).waitFor({ timeout: LIVE_TIMEOUT });
    await clientChip.and(client.getByRole('button', { name: '👍 2' })).and(client.locator('[aria-pressed="true"]')).waitFor({ timeout: UI_TIMEOUT });

    await clientChip.click();
    await messageRow(provider, 'First draft is up').getByRole('button', { name: '👍 1' }).waitFor({ timeout: LIVE_TIMEOUT });
  });
});
