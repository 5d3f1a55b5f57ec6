import type { Locator, Page } from 'playwright-core';

/*
 * Functions passed to `page.evaluate` run in the browser, but the root tsconfig (which type-checks these files)
 * has no DOM library. These few shapes describe what those functions touch; the casts vanish when compiled.
 */

/** The browser globals the in-page functions use. */
interface PageGlobals {
  requestAnimationFrame(callback: () => void): number;
  localStorage: { getItem(key: string): string | null };
  document: { fonts: { ready: Promise<unknown> } };
}

/** A scrollable element, such as the message log. */
export interface ScrollBox {
  scrollTop: number;
  readonly scrollHeight: number;
  readonly clientHeight: number;
  readonly textContent: string | null;
  scrollTo(options: { top: number }): void;
}

/** Resolves after the page has rendered `frames` more frames (each a requestAnimationFrame callback). */
export async function nextFrames(page: Page, frames = 1): Promise<void> {
  await page.evaluate(async (count) => {
    const win = globalThis as unknown as PageGlobals;
    for (let i = 0; i < count; i += 1) await new Promise<void>((resolve) => win.requestAnimationFrame(() => resolve()));
  }, frames);
}

/** Resolves once the page's web fonts have loaded. */
export async function fontsReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await (globalThis as unknown as PageGlobals).document.fonts.ready;
  });
}

/** The session token the app keeps in localStorage (`parley.token`), or null. */
export function storedToken(page: Page): Promise<string | null> {
  return page.evaluate(() => (globalThis as unknown as PageGlobals).localStorage.getItem('parley.token'));
}

/** px between the bottom of `box`'s content and the bottom of its visible area (0 when scrolled to the end). */
export function distanceFromBottom(box: Locator): Promise<number> {
  return box.evaluate((element: ScrollBox) => element.scrollHeight - element.scrollTop - element.clientHeight);
}

/** `box`'s scroll offset from the top, in px. */
export function scrollOffset(box: Locator): Promise<number> {
  return box.evaluate((element: ScrollBox) => element.scrollTop);
}

/** Scrolls `box` to its top, as a reader dragging up to the oldest message would. */
export async function scrollToTop(box: Locator): Promise<void> {
  await box.evaluate((element: ScrollBox) => element.scrollTo({ top: 0 }));
}

/** `box`'s text content (everything inside it, hidden text included). */
export async function textContentOf(box: Locator): Promise<string> {
  return box.evaluate((element: ScrollBox) => element.textContent ?? '');
}
