import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileTypeFromFile } from 'file-type';
import { unsupportedMedia } from '../../../errors.js';
import { allowedTypeForDetected, audioOnlyCounterpart, fileExtension, textTypeFor, type AllowedType } from './allow-list.js';
import { processImage } from './images.js';
import { startsLikeMarkup } from './markup.js';
import type { InspectedMedia, MediaTools, UploadFacts } from './media-types.js';
import { writePoster } from './poster.js';
import { probeMedia, type MediaProbe } from './probe.js';

/**
 * Reads an upload's bytes and decides what it is, then prepares what is stored (issue 6, "Upload validation" and
 * "Processing"):
 * - the type comes from the bytes (`file-type`'s `fileTypeFromFile`) and must be on the allow-list (`allow-list.ts`);
 *   bytes no signature matches are text only when `facts.utf8Text` is true, by the declared extension
 *   (`txt`, `text`, `log`, `md`, `csv`, or none), and never when they start like HTML, XML or SVG;
 * - the declared name's extension, when it has one, must be one of the detected type's extensions;
 * - WebM and MP4 without a video track are audio (`audio/webm`, `audio/mp4`), told by ffprobe or music-metadata;
 * - images are re-encoded without metadata and thumbnailed (`processImage`); videos get dimensions and duration
 *   from ffprobe and a poster thumbnail from ffmpeg when `tools` has them; audio gets its duration.
 * @param path The stored upload (server-chosen); outputs are written beside it under new names.
 * @param facts What the upload stream learned: the declared name and whether every byte was UTF-8 without NUL.
 * @param tools ffmpeg/ffprobe paths, null to go without (no poster or dimensions then; duration from music-metadata).
 * @returns The canonical MIME, kind, dimensions in px, duration in ms and the sanitized/thumbnail paths when written.
 * @throws AppError `UNSUPPORTED_MEDIA_TYPE` (415, `details: { name, detected }`) for a type outside the allow-list,
 *   a name whose extension does not fit the detected type, an image over 50 megapixels or one that cannot be decoded.
 */
export async function inspectUpload(path: string, facts: UploadFacts, tools: MediaTools): Promise<InspectedMedia> {
  const name = facts.declaredName;
  const extension = fileExtension(name);
  const detected = await detectAllowedType(path, facts, extension);
  const probe = detected.kind === 'video' || detected.kind === 'audio' ? await probeMedia(path, detected, tools) : {};
  const counterpart = audioOnlyCounterpart(detected);
  const type = counterpart && probe.hasVideo === false && probe.hasAudio !== false ? counterpart : detected;
  if (extension !== null && !type.extensions.includes(extension)) {
    throw unsupportedMedia(`A ${type.mime} file cannot be named .${extension}`, { name, detected: type.mime });
  }
  const base = { mime: type.mime, kind: type.kind };
  if (type.kind === 'image') return { ...base, ...(await processImage(path, type, outputPaths(path, type), name)) };
  if (type.kind === 'video') return { ...base, ...(await videoFields(path, type, probe, tools)) };
  if (type.kind === 'audio') return { ...base, ...durationOf(probe) };
  return base;
}

async function detectAllowedType(path: string, facts: UploadFacts, extension: string | null): Promise<AllowedType> {
  const name = facts.declaredName;
  const found = await fileTypeFromFile(path);
  if (found) {
    const type = allowedTypeForDetected(found.mime);
    if (!type) throw unsupportedMedia(`${found.mime} files are not allowed`, { name, detected: found.mime });
    return type;
  }
  const text = facts.utf8Text ? textTypeFor(extension) : undefined;
  if (!text || (await startsLikeMarkup(path))) {
    throw unsupportedMedia('This type of file is not allowed', { name, detected: null });
  }
  return text;
}

function outputPaths(path: string, type: AllowedType): { sanitizedPath: string; thumbnailPath: string } {
  const stem = join(dirname(path), `${basename(path)}-${randomUUID()}`);
  return { sanitizedPath: `${stem}.${type.extensions[0] ?? 'bin'}`, thumbnailPath: `${stem}-thumb.webp` };
}

type VideoFields = Pick<InspectedMedia, 'width' | 'height' | 'durationMs' | 'thumbnailPath'>;

async function videoFields(path: string, type: AllowedType, probe: MediaProbe, tools: MediaTools): Promise<VideoFields> {
  const fields: VideoFields = durationOf(probe);
  if (probe.width !== undefined && probe.height !== undefined) {
    fields.width = probe.width;
    fields.height = probe.height;
  }
  if (!tools.ffmpegPath) return fields;
  const { thumbnailPath } = outputPaths(path, type);
  if (await writePoster(tools.ffmpegPath, path, type, probe.durationMs, thumbnailPath)) fields.thumbnailPath = thumbnailPath;
  else await rm(thumbnailPath, { force: true });
  return fields;
}

function durationOf(probe: MediaProbe): Pick<InspectedMedia, 'durationMs'> {
  return probe.durationMs === undefined ? {} : { durationMs: probe.durationMs };
}
