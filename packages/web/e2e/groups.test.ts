import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TestServer } from '../../server/test/support/server.js';
import { LIVE_TIMEOUT, UI_TIMEOUT, messageLog, messageRow, openAs, sendFromComposer, untilLive, waitForThread, type ContextPool } from './support/app.js';
import { agencyTeam, expectConversationHidden, inboxLink, openThread, projectPanel, suffix } from './support/collaboration.js';
import { useApp } from './support/lifecycle.js';

const AGENCY = 'Nova Studio';
const WORKER = 'Sam Rivera';

/**
 * README § Groups and docs/api.md § Groups in the browser: an agency makes a group of itself and its worker inside
 * their project; the worker gets it live, the client never sees it, and a removal takes it from the worker live.
 */
describe('groups inside a project', () => {
  let t: TestServer;
  let browser: Browser;
  const pool: ContextPool = [];

  useApp(pool, (started) => ([t, browser] = started));

  it('creates a group without the client from the project panel, reaches the worker live, and removes them live', async () => {
    const team = await agencyTeam(t, 'Group check', { agency: AGENCY, worker: WORKER });
    const [agency, worker, client] = await Promise.all([
      openThread(t, browser, pool, team.provider, team.conversation.id),
      openAs(browser, t.url, team.worker, { pool }),
      openAs(browser, t.url, team.client, { pool }),
    ]);
    await inboxLink(worker, team.conversation.title).waitFor({ timeout: UI_TIMEOUT });

    // The agency creates the group from the project conversation's panel, picking the worker but not the client.
    const title = `Delivery team ${suffix()}`;
    await projectPanel(agency).getByRole('button', { name: 'New group' }).click();
    const dialog = agency.getByRole('dialog', { name: 'New group' });
    await dialog.getByRole('textbox', { name: 'Group title' }).fill(title);
    const members = dialog.getByRole('group', { name: 'Members' });
    expect(await members.getByRole('checkbox', { name: team.client.name ?? '' }).isChecked()).toBe(false);
    await members.getByRole('checkbox', { name: WORKER }).check();
    await dialog.getByRole('button', { name: 'Create group' }).click();
    await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    await agency.getByRole('heading', { name: title }).waitFor({ timeout: UI_TIMEOUT });
    await waitForThread(agency);
    await messageLog(agency).getByText(/created the group/).waitFor({ timeout: UI_TIMEOUT });
    const groupPath = new URL(agency.url()).pathname;
    expect(groupPath).not.toBe(`/c/${team.conversation.id}`);

    // The worker's inbox lists the group live; they open it and the two talk.
    const link = inboxLink(worker, title);
    await link.waitFor({ timeout: LIVE_TIMEOUT });
    await link.click();
    await waitForThread(worker);
    await sendFromComposer(worker, 'Mockups are ready for an internal review.');
    await messageRow(agency, 'Mockups are ready for an internal review.').waitFor({ timeout: LIVE_TIMEOUT });
    await sendFromComposer(agency, 'Thanks, reviewing them now.');
    await messageRow(worker, 'Thanks, reviewing them now.').waitFor({ timeout: LIVE_TIMEOUT });

    // The client's inbox lists the project but not the group, and the group's address tells them nothing.
    await inboxLink(client, team.conversation.title).waitFor({ timeout: UI_TIMEOUT });
    expect(await inboxLink(client, title).count()).toBe(0);
    await untilLive(client, () => client.goto(`${t.url}${groupPath}`));
    await expectConversationHidden(client, [title, 'Mockups are ready for an internal review.']);

    // The agency removes the worker from the group's panel: the worker loses it live, the agency sees why.
    await projectPanel(agency).getByRole('button', { name: `Remove ${WORKER}` }).click();
    const confirm = agency.getByRole('dialog', { name: 'Remove member?' });
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await confirm.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    await worker.getByText('You are no longer in this conversation.').waitFor({ timeout: LIVE_TIMEOUT });
    await link.waitFor({ state: 'detached', timeout: LIVE_TIMEOUT });
    expect(await messageLog(worker).count()).toBe(0);
    await messageLog(agency).getByText(`${AGENCY} removed ${WORKER}.`).waitFor({ timeout: LIVE_TIMEOUT });
    expect(await projectPanel(agency).getByRole('button', { name: `Remove ${WORKER}` }).count()).toBe(0);
  });
});
