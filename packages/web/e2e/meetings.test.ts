import type { Browser, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectStatus } from '../../server/test/support/factories.js';
import type { TestServer } from '../../server/test/support/server.js';
import { LIVE_TIMEOUT, UI_TIMEOUT, messageLog, openBothSides, type ContextPool } from './support/app.js';
import { useApp } from './support/lifecycle.js';

/**
 * Agora test credentials (32 hex characters each, as the server requires): the server issues real tokens with them,
 * but Agora's cloud cannot be reached from here, so the browser's join fails (or is still connecting).
 */
const AGORA_TEST_ENV = {
  PARLEY_AGORA_APP_ID: '0123456789abcdef0123456789abcdef',
  PARLEY_AGORA_APP_CERTIFICATE: 'fedcba9876543210fedcba9876543210',
};

/** The call view's state once the token is in: joining Agora, or having given up on it. */
const MEDIA_STATE = /Connecting to the video service…|Could not connect to the video service\./;

/** The card of the meeting titled `title` in the thread's "Meetings" strip. */
function meetingCard(page: Page, title: string): Locator {
  return page.getByRole('list', { name: 'Meetings' }).getByRole('article', { name: title });
}

/** The incoming-call toast. */
function incomingCall(page: Page): Locator {
  return page.getByRole('alertdialog', { name: 'Incoming call' });
}

/** Tomorrow's date in this machine's time zone (the browser's too) as a date input takes it: `YYYY-MM-DD`. */
function tomorrow(): string {
  const date = new Date();
  date.setDate(date.getDate() + 1);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/**
 * Issue 7 in the browser, between a client (A) and a provider (B) of one project: scheduling with the card reaching
 * the other side live, an instant meeting ringing on the other side, accepted into the call view up to its media
 * token, and a declined call.
 */
describe('video meetings in the web app', () => {
  let t: TestServer;
  let browser: Browser;
  const pool: ContextPool = [];

  useApp(pool, (started) => ([t, browser] = started), AGORA_TEST_ENV);

  it('schedules a meeting from the thread header; the other side sees its card live, with its time, and no call rings', async () => {
    const { fixture, client, provider } = await openBothSides(t, browser, pool, { title: 'Kickoff' });
    const title = `Design review ${Math.random().toString(36).slice(2, 7)}`;

    await client.getByRole('button', { name: 'Schedule' }).click();
    const dialog = client.getByRole('dialog', { name: 'Schedule a meeting' });
    await dialog.getByRole('textbox', { name: 'Meeting title' }).fill(title);
    await dialog.getByLabel('Date').fill(tomorrow());
    await dialog.getByLabel('Time').fill('10:30');
    expect(await dialog.getByRole('group', { name: 'Invitees' }).getByRole('checkbox', { name: fixture.provider.name ?? '' }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Schedule' }).click();
    await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT });

    const card = meetingCard(provider, title);
    await card.waitFor({ timeout: LIVE_TIMEOUT });
    expect(await card.textContent()).toContain('Scheduled');
    expect(await card.getByRole('time').textContent()).toMatch(/^For .*10:30/);
    expect(await card.getByRole('link', { name: 'Join' }).count()).toBe(1);
    await meetingCard(client, title).getByRole('button', { name: 'Cancel' }).waitFor({ timeout: UI_TIMEOUT });
    await messageLog(provider).getByText(`scheduled the meeting “${title}”`, { exact: false }).waitFor({ timeout: LIVE_TIMEOUT });
    expect(await incomingCall(provider).count()).toBe(0);
  });

  it('rings the other side for an instant meeting; accepting opens the call view, which gets its token and joins the video service', async () => {
    const { fixture, client, provider } = await openBothSides(t, browser, pool, { title: 'Standup' });
    const title = `Call in ${fixture.project.title}`;

    await client.getByRole('button', { name: 'Start meeting' }).click();
    await client.getByRole('region', { name: 'Call' }).getByRole('heading', { name: title }).waitFor({ timeout: UI_TIMEOUT });

    const toast = incomingCall(provider);
    await toast.waitFor({ timeout: LIVE_TIMEOUT });
    expect(await toast.textContent()).toContain(`${fixture.client.name ?? ''} is calling: ${title}`);

    const token = provider.waitForResponse(
      (response) => response.request().method() === 'POST' && /^\/api\/meetings\/[^/]+\/token$/.test(new URL(response.url()).pathname),
      { timeout: UI_TIMEOUT },
    );
    await toast.getByRole('button', { name: 'Accept' }).click();
    await toast.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    expect((await token).status()).toBe(200);
    expect(new URL(provider.url()).pathname).toMatch(/^\/meeting\//);

    const call = provider.getByRole('region', { name: 'Call' });
    await call.getByRole('status').filter({ hasText: MEDIA_STATE }).waitFor({ timeout: UI_TIMEOUT });
    const participants = call.getByRole('list', { name: 'Participants' });
    await participants.getByRole('listitem').filter({ hasText: `${fixture.provider.name ?? ''} (you)` }).filter({ hasText: 'In the call' }).waitFor({ timeout: UI_TIMEOUT });
    expect(await participants.textContent()).toContain(fixture.client.name ?? '');

    // The host's thread card reads "In progress" once they leave the call view for the thread.
    await client.getByRole('button', { name: 'Leave', exact: true }).click();
    await meetingCard(client, title).filter({ hasText: 'In progress' }).waitFor({ timeout: UI_TIMEOUT });
  });

  it('declines an incoming call: the toast goes and both cards say "Declined"', async () => {
    const { fixture, client, provider } = await openBothSides(t, browser, pool, { title: 'Retro' });
    const title = `Quick question ${Math.random().toString(36).slice(2, 7)}`;
    // An instant meeting that nobody started yet, as the client's "Start meeting" makes before its call view starts it.
    await expectStatus(t.api(fixture.client.token, 'POST', `/projects/${fixture.project.id}/meetings`, { title }), 201);

    const toast = incomingCall(provider);
    await toast.waitFor({ timeout: LIVE_TIMEOUT });
    await toast.getByRole('button', { name: 'Decline' }).click();
    await toast.waitFor({ state: 'detached', timeout: UI_TIMEOUT });

    await meetingCard(provider, title).filter({ hasText: 'Declined' }).waitFor({ timeout: LIVE_TIMEOUT });
    await meetingCard(client, title).filter({ hasText: 'Declined' }).waitFor({ timeout: LIVE_TIMEOUT });
    expect(new URL(provider.url()).pathname).toBe(`/c/${fixture.conversation.id}`);
  });
});
