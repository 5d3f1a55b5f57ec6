import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../server/test/support/server.js';
import { formatBytes } from '../src/lib/format-media.js';
import { createProject } from '../../server/test/support/factories.js';
import { LIVE_TIMEOUT, UI_TIMEOUT, composer, messageLog, openAs, openBothSides, waitForThread, type ContextPool } from './support/app.js';
import { launchBrowser } from './support/browser.js';
import { useApp } from './support/lifecycle.js';

/** A one-page PDF, small but well formed (the server checks files by their bytes). */
const PDF = [
  '%PDF-1.4',
  '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
  '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
  '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj',
  'trailer << /Root 1 0 R >>',
  '%%EOF',
  '',
].join('\n');

/** The hidden `<input type=file>` behind the composer's "Attach files" button. */
function fileInput(page: Page) {
  return page.locator('input[type=file]');
}

/** What the in-page check reads of an `<img>` (the root tsconfig has no DOM library; see support/in-page.ts). */
interface LoadedImage {
  readonly complete: boolean;
  readonly naturalWidth: number;
}

/** The natural width of `image` once it has loaded (0 until then, or when it failed). */
function loadedWidth(image: Locator): Promise<number> {
  return image.evaluate((element: LoadedImage) => (element.complete ? element.naturalWidth : 0));
}

/** What the in-page check reads of an `<audio>`: its metadata once loaded (readyState ≥ 1, HAVE_METADATA). */
interface LoadedMedia {
  readonly readyState: number;
}

/** The POSTs of `page` to the upload route, counted as they start. */
function countUploads(page: Page): { count: () => number } {
  let count = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && /\/api\/conversations\/[^/]+\/attachments$/.test(request.url())) count += 1;
  });
  return { count: () => count };
}

/**
 * Issue 6 in the browser: one side attaches an image and a PDF with a caption; the other sees the thumbnail appear
 * live, the PDF's card, and opens the image full size in the lightbox. Files the client refuses are never uploaded.
 */
describe('attachments between a client and a provider', () => {
  let t: TestServer;
  let browser: Browser;
  const pool: ContextPool = [];
  let dir = '';
  let photoPath = '';
  let pdfPath = '';

  useApp(pool, (started) => ([t, browser] = started));
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'parley-e2e-attachments-'));
    photoPath = join(dir, 'site-photo.png');
    pdfPath = join(dir, 'quote.pdf');
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 30, g: 120, b: 200 } } })
      .png()
      .toBuffer();
    await Promise.all([writeFile(photoPath, photo), writeFile(pdfPath, PDF)]);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('sends an image and a PDF with a caption; the other side sees the thumbnail live, the file card, and the full image in the lightbox', async () => {
    const { client, provider } = await openBothSides(t, browser, pool, { title: 'Site survey' });
    const uploads = countUploads(client);

    await fileInput(client).setInputFiles([photoPath, pdfPath]);
    const tray = client.getByRole('list', { name: 'Files to send' });
    await tray.getByRole('listitem').filter({ hasText: 'site-photo.png' }).waitFor({ timeout: UI_TIMEOUT });
    expect(await tray.getByRole('alert').count()).toBe(0);
    await composer(client).fill('Photos from the site visit');
    await composer(client).press('Enter');

    // The sender's own copy is stored once both files are uploaded and the message sent …
    await messageLog(client).getByRole('button', { name: 'Open site-photo.png' }).waitFor({ timeout: UI_TIMEOUT });
    await tray.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    expect(await composer(client).inputValue()).toBe('');
    expect(uploads.count()).toBe(2);

    // … and the other side sees it live: the thumbnail loaded, the PDF's card, the caption.
    const thumbnail = messageLog(provider).getByRole('button', { name: 'Open site-photo.png' }).getByRole('img');
    await thumbnail.waitFor({ timeout: LIVE_TIMEOUT });
    await messageLog(provider).getByText('Photos from the site visit').waitFor({ timeout: LIVE_TIMEOUT });
    await expect.poll(() => loadedWidth(thumbnail), { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
    expect(await thumbnail.getAttribute('src')).toMatch(/^\/api\/attachments\/[^/]+\/thumbnail\?/);
    const card = messageLog(provider).getByRole('group', { name: 'quote.pdf' });
    await card.waitFor({ timeout: UI_TIMEOUT });
    expect(await card.textContent()).toContain(formatBytes(Buffer.byteLength(PDF)));
    expect(await card.getByRole('link', { name: 'Download quote.pdf' }).getAttribute('href')).toMatch(/download=1$/);

    // The lightbox shows the full image (800 px wide) and closes with Escape.
    await messageLog(provider).getByRole('button', { name: 'Open site-photo.png' }).click();
    const lightbox = provider.getByRole('dialog', { name: /site-photo\.png/ });
    await lightbox.waitFor({ timeout: UI_TIMEOUT });
    const full = lightbox.getByRole('img', { name: 'site-photo.png' });
    await expect.poll(() => loadedWidth(full), { timeout: UI_TIMEOUT }).toBe(800);
    expect(await lightbox.getByRole('link', { name: 'Download' }).getAttribute('href')).toMatch(/download=1$/);
    await provider.keyboard.press('Escape');
    await lightbox.waitFor({ state: 'detached', timeout: UI_TIMEOUT });

    // The inbox previews it by its caption.
    await provider.getByRole('navigation', { name: 'Conversations' }).getByText('Photos from the site visit').waitFor({ timeout: UI_TIMEOUT });
  });

  it('refuses a file over 10 MB and an .exe in the composer, with their errors, and uploads neither', async () => {
    const { client, provider } = await openBothSides(t, browser, pool, { title: 'Refused files' });
    const uploads = countUploads(client);

    await fileInput(client).setInputFiles([
      { name: 'raw-footage.mp4', mimeType: 'video/mp4', buffer: Buffer.alloc(10 * 1024 * 1024 + 1) },
      { name: 'installer.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') },
    ]);
    const tray = client.getByRole('list', { name: 'Files to send' });
    await tray.getByRole('listitem').filter({ hasText: 'raw-footage.mp4' }).getByRole('alert').filter({ hasText: 'Too large (max 10 MB)' }).waitFor({ timeout: UI_TIMEOUT });
    await tray.getByRole('listitem').filter({ hasText: 'installer.exe' }).getByRole('alert').filter({ hasText: "This type of file can't be sent" }).waitFor({ timeout: UI_TIMEOUT });
    await composer(client).fill('Here is the footage');
    await composer(client).press('Enter');
    expect(await client.getByRole('button', { name: 'Send' }).isDisabled()).toBe(true);

    // Removed, they leave the text to go alone.
    await client.getByRole('button', { name: 'Remove raw-footage.mp4' }).click();
    await client.getByRole('button', { name: 'Remove installer.exe' }).click();
    await tray.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    await composer(client).press('Enter');
    await messageLog(provider).getByText('Here is the footage').waitFor({ timeout: LIVE_TIMEOUT });
    expect(uploads.count()).toBe(0);
  });

  it('records a voice note with the microphone and the other side gets a player for it', async () => {
    // Chromium's fake microphone (a beep), allowed without a prompt.
    const micBrowser = await launchBrowser(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']);
    try {
      const fixture = await createProject(t, { title: `Voice notes ${Math.random().toString(36).slice(2, 7)}` });
      const thread = `/c/${fixture.conversation.id}`;
      const [client, provider] = await Promise.all([
        openAs(micBrowser, t.url, fixture.client, { path: thread }),
        openAs(browser, t.url, fixture.provider, { path: thread, pool }),
      ]);
      await Promise.all([waitForThread(client), waitForThread(provider)]);

      await client.getByRole('button', { name: 'Record a voice note' }).click();
      await client.getByRole('timer', { name: 'Recording time' }).filter({ hasText: '0:01' }).waitFor({ timeout: UI_TIMEOUT });
      await client.getByRole('button', { name: 'Stop recording' }).click();
      const item = client.getByRole('list', { name: 'Files to send' }).getByRole('listitem');
      await item.filter({ hasText: /voice-note-[\d-]+T[\d-]+\.webm/ }).waitFor({ timeout: UI_TIMEOUT });
      await client.getByRole('button', { name: 'Send' }).click();

      await messageLog(provider).getByText('🎤 Voice note').waitFor({ timeout: UI_TIMEOUT });
      const player = messageLog(provider).getByLabel(/^voice-note-.*\.webm$/);
      expect(await player.evaluate((element: { tagName: string }) => element.tagName)).toBe('AUDIO');
      await expect.poll(() => player.evaluate((element: LoadedMedia) => element.readyState), { timeout: UI_TIMEOUT }).toBeGreaterThanOrEqual(1);
      // The inbox line is the server's label of an audio message without a caption.
      await provider.getByRole('navigation', { name: 'Conversations' }).getByText('🎤 Audio').waitFor({ timeout: UI_TIMEOUT });
    } finally {
      await micBrowser.close();
    }
  });
});
