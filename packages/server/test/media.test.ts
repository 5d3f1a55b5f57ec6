import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectUpload } from '../src/modules/attachments/media/inspect.js';
import type { InspectedMedia, MediaTools } from '../src/modules/attachments/media/media-types.js';
import {
  NO_MEDIA_TOOLS,
  makeAudio,
  makeDocx,
  makeGif,
  makeImage,
  makeJpeg,
  makePngHeaderOnly,
  makeTruncatedPng,
  makeVideo,
  makeZip,
  mediaTools,
  uploadFacts,
  writeBytes,
} from './support/media-fixtures.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-media-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Inspects a fixture as if uploaded under `declaredName`. */
async function inspect(path: string, declaredName: string, tools: MediaTools = NO_MEDIA_TOOLS): Promise<InspectedMedia> {
  return inspectUpload(path, await uploadFacts(path, declaredName), tools);
}

/** Expects a 415 refusal naming the upload and what was detected. */
async function expectRefused(path: string, declaredName: string, detected: string | null): Promise<void> {
  await expect(inspect(path, declaredName)).rejects.toMatchObject({
    code: 'UNSUPPORTED_MEDIA_TYPE',
    details: { name: declaredName, detected },
  });
}

async function dimensions(path: string | undefined) {
  if (!path) throw new Error('expected a file');
  const { format, width, height, exif, orientation, pages } = await sharp(path).metadata();
  return { format, width, height, exif, orientation, pages };
}

describe('images', () => {
  it('re-encodes a rotated JPEG with GPS upright and without metadata, with a 320 px WebP thumbnail', async () => {
    const path = await makeJpeg(dir, { width: 1200, height: 800, orientation: 6, gps: true });
    const original = await sharp(path).metadata();
    expect(original.orientation).toBe(6);
    expect(original.exif?.toString('latin1')).toContain('WGS-84');

    const result = await inspect(path, 'IMG_0001.JPG');
    expect(result).toMatchObject({ mime: 'image/jpeg', kind: 'image', width: 800, height: 1200 });
    expect(dirname(result.sanitizedPath ?? '')).toBe(dir);
    expect(result.sanitizedPath).not.toBe(path);
    expect(await dimensions(result.sanitizedPath)).toMatchObject({ format: 'jpeg', width: 800, height: 1200, exif: undefined, orientation: undefined });
    expect(await dimensions(result.thumbnailPath)).toMatchObject({ format: 'webp', width: 213, height: 320, exif: undefined });
  });

  it('never enlarges a small PNG thumbnail and keeps its size', async () => {
    const result = await inspect(await makeImage(dir, 'png', 100, 50), 'diagram.png');
    expect(result).toMatchObject({ mime: 'image/png', kind: 'image', width: 100, height: 50 });
    expect(await dimensions(result.sanitizedPath)).toMatchObject({ format: 'png', width: 100, height: 50 });
    expect(await dimensions(result.thumbnailPath)).toMatchObject({ format: 'webp', width: 100, height: 50 });
  });

  it('re-encodes a WebP and shrinks its thumbnail to 320 px on the longer side', async () => {
    const result = await inspect(await makeImage(dir, 'webp', 800, 400), 'wide.webp');
    expect(result).toMatchObject({ mime: 'image/webp', width: 800, height: 400 });
    expect(await dimensions(result.sanitizedPath)).toMatchObject({ format: 'webp', width: 800, height: 400 });
    expect(await dimensions(result.thumbnailPath)).toMatchObject({ width: 320, height: 160 });
  });

  it('stores a GIF as it came, animation kept, with a thumbnail of its first frame', async () => {
    const result = await inspect(await makeGif(dir, 64, 48), 'wave.gif');
    expect(result).toMatchObject({ mime: 'image/gif', kind: 'image', width: 64, height: 48 });
    expect(result.sanitizedPath).toBeUndefined();
    expect(await dimensions(result.thumbnailPath)).toMatchObject({ format: 'webp', width: 64, height: 48 });
  });

  it('accepts a name without extension', async () => {
    expect(await inspect(await makeImage(dir, 'png', 10, 10), 'scan')).toMatchObject({ mime: 'image/png' });
  });

  it('refuses a decompression bomb (over 50 megapixels) and a corrupt image', async () => {
    const bomb = await makePngHeaderOnly(dir, 10_000, 10_000);
    expect((await stat(bomb)).size).toBeLessThan(100);
    await expect(inspect(bomb, 'bomb.png')).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringContaining('50 megapixels') });
    await expect(inspect(await makeTruncatedPng(dir), 'broken.png')).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', details: { detected: 'image/png' } });
  });
});

describe('refusals', () => {
  const html = '<!DOCTYPE html><html><body><script>alert(1)</script></body></html>';
  const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';

  it('refuses HTML renamed .png, and HTML named .txt', async () => {
    await expectRefused(await writeBytes(dir, 'html', html), 'cat.png', null);
    await expectRefused(await writeBytes(dir, 'html', html), 'notes.txt', null);
  });

  it('refuses an SVG with a script, named .svg or .png', async () => {
    await expectRefused(await writeBytes(dir, 'svg', svg), 'logo.svg', null);
    await expectRefused(await writeBytes(dir, 'svg', svg), 'logo.png', null);
  });

  it('refuses a PNG named .pdf', async () => {
    await expectRefused(await makeImage(dir, 'png', 10, 10), 'invoice.pdf', 'image/png');
  });

  it('refuses random binary named .zip and a text file with a NUL byte', async () => {
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251));
    await expectRefused(await writeBytes(dir, 'bin', random), 'archive.zip', null);
    await expectRefused(await writeBytes(dir, 'txt', 'hello\u0000world\n'), 'hello.txt', null);
  });
});

describe('documents and text', () => {
  it('accepts plain text, CSV and text without extension by name', async () => {
    expect(await inspect(await writeBytes(dir, 'txt', 'Grüße\n'), 'notes.md')).toEqual({ mime: 'text/plain', kind: 'file' });
    expect(await inspect(await writeBytes(dir, 'csv', 'a,b\n1,2\n'), 'data.CSV')).toEqual({ mime: 'text/csv', kind: 'file' });
    expect(await inspect(await writeBytes(dir, 'txt', 'readme'), 'README')).toEqual({ mime: 'text/plain', kind: 'file' });
    await expectRefused(await writeBytes(dir, 'js', 'alert(1)'), 'app.js', null);
  });

  it('accepts PDF, ZIP and DOCX by their bytes', async () => {
    const pdf = await writeBytes(dir, 'pdf', '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    expect(await inspect(pdf, 'terms.pdf')).toEqual({ mime: 'application/pdf', kind: 'file' });
    expect(await inspect(await makeZip(dir, { 'a.txt': 'a' }), 'files.zip')).toEqual({ mime: 'application/zip', kind: 'file' });
    const docx = await makeDocx(dir);
    expect(await inspect(docx, 'brief.docx')).toEqual({
      mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      kind: 'file',
    });
    await expectRefused(docx, 'brief.zip', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });
});

describe('video and audio with ffmpeg', () => {
  let tools: MediaTools;
  beforeAll(() => {
    tools = mediaTools(); // throws when ffmpeg is missing: these tests fail rather than skip
  });

  it.each(['mp4', 'webm'] as const)('reads a %s video: 640 × 360, about 2 s, a 320 × 180 poster', async (container) => {
    const path = await makeVideo(dir, container);
    const result = await inspectUpload(path, await uploadFacts(path, `clip.${container}`), tools);
    expect(result).toMatchObject({ mime: `video/${container}`, kind: 'video', width: 640, height: 360 });
    expect(result.durationMs).toBeGreaterThanOrEqual(1900);
    expect(result.durationMs).toBeLessThanOrEqual(2100);
    expect(await dimensions(result.thumbnailPath)).toMatchObject({ format: 'webp', width: 320, height: 180, exif: undefined });
  });

  it('takes the first frame of a video shorter than 1 s', async () => {
    const path = await makeVideo(dir, 'mp4', { width: 200, height: 400, seconds: 0.4 });
    const result = await inspectUpload(path, await uploadFacts(path, 'short.mp4'), tools);
    expect(result).toMatchObject({ kind: 'video', width: 200, height: 400 });
    expect(await dimensions(result.thumbnailPath)).toMatchObject({ width: 160, height: 320 });
  });

  it('without tools a video is still a video, with no poster and no dimensions', async () => {
    const path = await makeVideo(dir, 'mp4');
    const result = await inspect(path, 'clip.mp4');
    expect(result).toMatchObject({ mime: 'video/mp4', kind: 'video' });
    expect(result.thumbnailPath).toBeUndefined();
    expect(result.width).toBeUndefined();
    expect(result.height).toBeUndefined();
  });

  it.each([
    ['mp3', 'audio/mpeg'],
    ['ogg', 'audio/ogg'],
    ['wav', 'audio/wav'],
    ['webm', 'audio/webm'],
    ['m4a', 'audio/mp4'],
    ['mp4', 'audio/mp4'],
  ] as const)('reads %s audio as %s with its duration, with and without tools', async (format, mime) => {
    const path = await makeAudio(dir, format, 1);
    for (const withTools of [tools, NO_MEDIA_TOOLS]) {
      const result = await inspectUpload(path, await uploadFacts(path, `voice.${format}`), withTools);
      expect(result).toMatchObject({ mime, kind: 'audio' });
      expect(result.durationMs).toBeGreaterThanOrEqual(950);
      expect(result.durationMs).toBeLessThanOrEqual(1150);
      expect(result.thumbnailPath).toBeUndefined();
    }
  });

  it('takes an audio-only WebM named .weba as audio, and refuses a video WebM named .weba', async () => {
    const voice = await makeAudio(dir, 'webm');
    expect(await inspectUpload(voice, await uploadFacts(voice, 'note.weba'), tools)).toMatchObject({ mime: 'audio/webm', kind: 'audio' });
    const video = await makeVideo(dir, 'webm', { seconds: 0.5 });
    await expect(inspectUpload(video, await uploadFacts(video, 'note.weba'), tools)).rejects.toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      details: { name: 'note.weba', detected: 'video/webm' },
    });
  });
});
