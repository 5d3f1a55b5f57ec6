import type { AllowedType } from './allow-list.js';
import { writeThumbnail } from './images.js';
import { runTool } from './run-tool.js';

/** Where the poster frame is taken, in ms from the start; videos shorter than this use their first frame. */
export const POSTER_AT_MS = 1000;

const MAX_POSTER_BYTES = 64 * 1024 * 1024;

/**
 * Writes a video's poster frame as a WebP thumbnail (issue 6, "Processing"): ffmpeg decodes one frame at
 * `POSTER_AT_MS` (or the first frame when the video is shorter or its duration unknown) and pipes it as PNG into
 * sharp, which applies the thumbnail rules of `writeThumbnail` (320 px on the longer side, never enlarged).
 * @param ffmpegPath `MediaTools.ffmpegPath`.
 * @param path The stored upload; `type.demuxer` is forced so ffmpeg never re-guesses the format.
 * @param durationMs The probed duration in ms, if known.
 * @returns True when the thumbnail was written; false when ffmpeg or sharp failed (the upload goes on without one).
 */
export async function writePoster(
  ffmpegPath: string,
  path: string,
  type: AllowedType,
  durationMs: number | undefined,
  thumbnailPath: string,
): Promise<boolean> {
  const seekSeconds = durationMs !== undefined && durationMs > POSTER_AT_MS ? POSTER_AT_MS / 1000 : 0;
  const args = ['-nostdin', '-v', 'error', '-protocol_whitelist', 'file', '-ss', String(seekSeconds)];
  if (type.demuxer) args.push('-f', type.demuxer);
  args.push('-i', `file:${path}`, '-map', '0:v:0', '-frames:v', '1', '-f', 'image2pipe', '-c:v', 'png', 'pipe:1');
  const png = await runTool(ffmpegPath, args, { maxOutputBytes: MAX_POSTER_BYTES });
  if (!png || png.length === 0) return false;
  try {
    await writeThumbnail(png, thumbnailPath);
    return true;
  } catch {
    return false;
  }
}
