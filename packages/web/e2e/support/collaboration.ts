import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { createProject, expectStatus, signIn, type Actor, type ProjectFixture } from '../../../server/test/support/factories.js';
import type { TestServer } from '../../../server/test/support/server.js';
import { UI_TIMEOUT, composer, messageLog, openAs, waitForThread, type ContextPool } from './app.js';

/*
 * Shared steps of the browser tests of pins, mentions and groups (e2e/pins, mentions and groups .test.ts): people
 * with readable names, agency teams, and what a participant or an outsider sees of a conversation.
 */

/** A short random suffix that keeps titles apart between the tests of one server. */
export function suffix(): string {
  return Math.random().toString(36).slice(2, 7);
}

/**
 * `actor` signed in again under the display name `name`. The server takes a known user's name from each new
 * token's claims (identity service), and conversations name participants from the user rows, so every page
 * loaded afterwards shows `name`.
 */
export async function renamed(t: TestServer, actor: Actor, name: string): Promise<Actor> {
  return signIn(t, { id: actor.id, role: actor.role, name, ...(actor.agencyId ? { agencyId: actor.agencyId } : {}) });
}

/** A new project (title `title` plus a suffix) whose client and provider carry the names given. */
export async function namedProject(t: TestServer, title: string, names: { client: string; provider: string }): Promise<ProjectFixture> {
  const fixture = await createProject(t, { title: `${title} ${suffix()}` });
  const [client, provider] = await Promise.all([renamed(t, fixture.client, names.client), renamed(t, fixture.provider, names.provider)]);
  return { ...fixture, client, provider };
}

/** An agency project whose agency (the fixture's provider) is named `names.agency`, with a worker named `names.worker` assigned to it. */
export async function agencyTeam(t: TestServer, title: string, names: { agency: string; worker: string }): Promise<ProjectFixture & { worker: Actor }> {
  const fixture = await createProject(t, { agency: true, title: `${title} ${suffix()}` });
  const agency = await renamed(t, fixture.provider, names.agency);
  const worker = await signIn(t, { role: 'worker', name: names.worker, agencyId: agency.id });
  // docs/api.md § POST /api/projects/:id/workers: the worker joins the project and its conversation.
  await expectStatus(t.api(agency.token, 'POST', `/projects/${fixture.project.id}/workers`, { userId: worker.id }), 200);
  return { ...fixture, provider: agency, worker };
}

/** A page signed in as `actor` (in its own context) on conversation `conversationId`, its history and composer shown. */
export async function openThread(t: TestServer, browser: Browser, pool: ContextPool, actor: Actor, conversationId: string): Promise<Page> {
  const page = await openAs(browser, t.url, actor, { path: `/c/${conversationId}`, pool });
  await waitForThread(page);
  return page;
}

/** The inbox's link to the conversation titled `title`. */
export function inboxLink(page: Page, title: string): Locator {
  return page.getByRole('navigation', { name: 'Conversations' }).getByRole('link', { name: title });
}

/** The open conversation's "Project details" panel (beside the thread at the desktop width). */
export function projectPanel(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Project details' });
}

/**
 * Waits until `page`, opened at a conversation's URL, says "Conversation not found", and checks that it shows no
 * thread, no composer and none of `secrets` (texts of that conversation).
 */
export async function expectConversationHidden(page: Page, secrets: readonly string[]): Promise<void> {
  await page.getByText('Conversation not found').waitFor({ timeout: UI_TIMEOUT });
  expect(await messageLog(page).count()).toBe(0);
  expect(await composer(page).count()).toBe(0);
  for (const secret of secrets) expect(await page.getByText(secret).count(), `"${secret}" shown`).toBe(0);
}

/** True when `target` is laid out entirely inside `frame`'s box (e.g. a message inside the visible part of the log). */
export async function isWithin(target: Locator, frame: Locator): Promise<boolean> {
  const [inner, outer] = await Promise.all([target.boundingBox({ timeout: UI_TIMEOUT }), frame.boundingBox({ timeout: UI_TIMEOUT })]);
  if (!inner || !outer) return false;
  return inner.y >= outer.y && inner.y + inner.height <= outer.y + outer.height;
}

/** The browser's `getComputedStyle`, as the in-page function below uses it (the root tsconfig has no DOM library). */
interface StyleGlobals {
  getComputedStyle(element: unknown): { fontWeight: string };
}

/** The computed CSS `font-weight` of `element` (400 normal, 600 semibold, 700 bold). */
export async function fontWeightOf(element: Locator): Promise<number> {
  const weight = await element.evaluate((node) => (globalThis as unknown as StyleGlobals).getComputedStyle(node).fontWeight);
  return Number(weight);
}
