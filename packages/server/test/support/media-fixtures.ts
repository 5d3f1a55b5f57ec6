import { execFile, execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import type { MediaTools, UploadFacts } from '../../src/modules/attachments/media/media-types.js';

const run = promisify(execFile);
let counter = 0;

/** A fresh file path in `dir` (fixtures never overwrite each other). */
function fixturePath(dir: string, extension: string): string {
  counter += 1;
  return join(dir, `fixture-${counter}.${extension}`);
}

/** Options of `makeJpeg`. */
export interface JpegOptions {
  /** Stored pixels (before orientation); default 1200 × 800. */
  width?: number;
  height?: number;
  /** EXIF orientation 1–8 written into the file; default none. */
  orientation?: number;
  /** Writes GPS tags (`GPSMapDatum` 'WGS-84', a latitude) and a camera make into EXIF, as a phone would. */
  gps?: boolean;
}

/**
 * Writes a JPEG made by sharp: a flat colour, optionally with EXIF orientation and GPS tags.
 * @returns The file's path in `dir`.
 */
export async function makeJpeg(dir: string, options: JpegOptions = {}): Promise<string> {
  let image = solid(options.width ?? 1200, options.height ?? 800).jpeg();
  if (options.gps) {
    image = image.withExif({
      IFD0: { Make: 'ParleyCam' },
      IFD3: { GPSMapDatum: 'WGS-84', GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 24/1' },
    });
  }
  if (options.orientation !== undefined) image = image.withMetadata({ orientation: options.orientation });
  const path = fixturePath(dir, 'jpg');
  await image.toFile(path);
  return path;
}

/** Writes a flat-colour image of `width` × `height` px in PNG or WebP; returns its path. */
export async function makeImage(dir: string, format: 'png' | 'webp', width: number, height: number): Promise<string> {
  const path = fixturePath(dir, format);
  await solid(width, height).toFormat(format).toFile(path);
  return path;
}

/** Writes an animated GIF of `frames` frames (red, green, blue…), each `width` × `height` px; returns its path. */
export async function makeGif(dir: string, width: number, height: number, frames = 3): Promise<string> {
  const colours = ['#f00', '#0f0', '#00f'];
  const pages = await Promise.all(
    Array.from({ length: frames }, (_, i) => solid(width, height, colours[i % colours.length]).png().toBuffer()),
  );
  const path = fixturePath(dir, 'gif');
  await sharp(pages, { join: { animated: true } }).gif().toFile(path);
  return path;
}

/**
 * Writes a PNG whose header claims `width` × `height` px but holds 16 bytes of pixel data: a decompression bomb in miniature
 * (PNG chunk layout from RFC 2083 § 3; CRC-32 over type and data).
 */
export async function makePngHeaderOnly(dir: string, width: number, height: number): Promise<string> {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const idat = pngChunk('IDAT', deflateSync(Buffer.alloc(16))); // a few compressed bytes: far fewer than the header promises
  return writeBytes(dir, 'png', Buffer.concat([signature, pngChunk('IHDR', ihdr), idat, pngChunk('IEND', Buffer.alloc(0))]));
}

/**
 * Writes the first half of a noisy 300 × 200 PNG: its signature and header are sound (file-type calls it `image/png`)
 * but its pixel data ends early, so decoding fails.
 */
export async function makeTruncatedPng(dir: string): Promise<string> {
  const noise = { type: 'gaussian', mean: 128, sigma: 30 } as const;
  const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#000', noise } }).png().toBuffer();
  return writeBytes(dir, 'png', png.subarray(0, Math.floor(png.length / 2)));
}

/**
 * Writes a test-pattern video with ffmpeg (`testsrc`, 25 fps, no sound).
 * @param size Pixels; default 640 × 360. @param seconds Length; default 2.
 * @returns The file's path. Rejects when ffmpeg is missing or fails.
 */
export async function makeVideo(
  dir: string,
  container: 'mp4' | 'webm',
  options: { width?: number; height?: number; seconds?: number } = {},
): Promise<string> {
  const path = fixturePath(dir, container);
  const size = `${options.width ?? 640}x${options.height ?? 360}`;
  const codec = container === 'mp4' ? ['-c:v', 'libx264', '-preset', 'ultrafast'] : ['-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8'];
  await ffmpeg(['-f', 'lavfi', '-i', `testsrc=size=${size}:rate=25`, '-t', String(options.seconds ?? 2), '-pix_fmt', 'yuv420p', ...codec, path]);
  return path;
}

/**
 * Writes a sine tone with ffmpeg: MP3 (LAME), Ogg (Vorbis), WAV (PCM), WebM (Opus, no video: a browser voice note),
 * M4A (AAC, brand `M4A `) or MP4 (AAC in an `isom` MP4 with no video track).
 * @param seconds Length; default 1.
 * @returns The file's path. Rejects when ffmpeg is missing or fails.
 */
export async function makeAudio(dir: string, format: 'mp3' | 'ogg' | 'wav' | 'webm' | 'm4a' | 'mp4', seconds = 1): Promise<string> {
  const path = fixturePath(dir, format);
  const codec = { mp3: 'libmp3lame', ogg: 'libvorbis', wav: 'pcm_s16le', webm: 'libopus', m4a: 'aac', mp4: 'aac' }[format];
  await ffmpeg(['-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`, '-vn', '-c:a', codec, path]);
  return path;
}

/**
 * Writes a ZIP of the given entries, stored without compression (APPNOTE.TXT § 4.3: local headers, central
 * directory, end record). With a `[Content_Types].xml` naming a main part it is an Office Open XML document.
 */
export async function makeZip(dir: string, entries: Record<string, string>, extension = 'zip'): Promise<string> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text, 'utf8');
    const fileName = Buffer.from(name, 'utf8');
    const fields = zipFields(crc32(data), data.length, fileName.length);
    const local = Buffer.concat([u32(0x04034b50), u16(20), fields, u16(0), fileName, data]);
    centrals.push(Buffer.concat([u32(0x02014b50), u16(20), u16(20), fields, u16(0), u16(0), u16(0), u16(0), u32(0), u32(offset), fileName]));
    locals.push(local);
    offset += local.length;
  }
  const central = Buffer.concat(centrals);
  const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(centrals.length), u16(centrals.length), u32(central.length), u32(offset), u16(0)]);
  return writeBytes(dir, extension, Buffer.concat([...locals, central, end]));
}

/** Writes a minimal DOCX (a ZIP whose `[Content_Types].xml` names a WordprocessingML main part); returns its path. */
export function makeDocx(dir: string): Promise<string> {
  const main = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
  const types = `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="${main}"/></Types>`;
  return makeZip(dir, { '[Content_Types].xml': types, 'word/document.xml': '<w:document/>' }, 'docx');
}

/** Writes `content` (text as UTF-8, or bytes) to a new file in `dir`; returns its path. */
export async function writeBytes(dir: string, extension: string, content: string | Buffer): Promise<string> {
  const path = fixturePath(dir, extension);
  await writeFile(path, content);
  return path;
}

/**
 * The `UploadFacts` the upload stream would report for a file: `utf8Text` is true when the bytes decode as UTF-8
 * (fatal `TextDecoder`) and hold no NUL.
 */
export async function uploadFacts(path: string, declaredName: string): Promise<UploadFacts> {
  const bytes = await readFile(path);
  let utf8Text = !bytes.includes(0);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    utf8Text = false;
  }
  return { declaredName, utf8Text };
}

/**
 * ffmpeg and ffprobe as found on `PATH`. Throws when either is missing, so tests that need them fail loudly
 * instead of skipping (CI installs ffmpeg).
 */
export function mediaTools(): MediaTools {
  const find = (tool: string) => {
    try {
      return execFileSync('which', [tool], { encoding: 'utf8' }).trim();
    } catch {
      throw new Error(`${tool} is not on PATH: install ffmpeg (CI does) to run the media tests`);
    }
  };
  return { ffmpegPath: find('ffmpeg'), ffprobePath: find('ffprobe') };
}

/** No media tools: the configuration where videos get no poster and no dimensions. */
export const NO_MEDIA_TOOLS: MediaTools = { ffmpegPath: null, ffprobePath: null };

async function ffmpeg(args: string[]): Promise<void> {
  const { ffmpegPath } = mediaTools();
  await run(ffmpegPath ?? 'ffmpeg', ['-nostdin', '-hide_banner', '-loglevel', 'error', '-y', ...args], { timeout: 60_000 });
}

function solid(width: number, height: number, background = '#c83c28') {
  return sharp({ create: { width, height, channels: 3, background } });
}

function pngChunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  return Buffer.concat([u32be(data.length), typeAndData, u32be(crc32(typeAndData))]);
}

/** ZIP fields shared by local and central headers: flags, method (stored), time, date, CRC, sizes, name length. */
function zipFields(crc: number, size: number, nameLength: number): Buffer {
  return Buffer.concat([u16(0), u16(0), u16(0), u16(0x21), u32(crc), u32(size), u32(size), u16(nameLength)]);
}

function u16(value: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(value);
  return b;
}

function u32(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value >>> 0);
  return b;
}

function u32be(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(value >>> 0);
  return b;
}
