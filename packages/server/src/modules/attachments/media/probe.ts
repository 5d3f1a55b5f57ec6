import { parseFile } from 'music-metadata';
import type { AllowedType } from './allow-list.js';
import type { MediaTools } from './media-types.js';
import { runTool } from './run-tool.js';

/** What a container holds, as far as the tools could tell; every field is absent when unknown. */
export interface MediaProbe {
  /** True when a real video track exists (cover art attached to audio does not count). */
  hasVideo?: boolean;
  hasAudio?: boolean;
  /** Display pixels of the first video track, rotation metadata applied (a portrait phone video is taller than wide). */
  width?: number;
  height?: number;
  /** In ms, rounded. */
  durationMs?: number;
}

/** ffprobe's JSON (`-print_format json -show_streams -show_format`), the fields read here. */
interface FfprobeOutput {
  streams?: {
    codec_type?: string;
    width?: number;
    height?: number;
    disposition?: { attached_pic?: number };
    tags?: { rotate?: string };
    side_data_list?: { rotation?: number }[];
  }[];
  format?: { duration?: string };
}

const MAX_PROBE_OUTPUT_BYTES = 1024 * 1024;

/**
 * Probes an audio or video upload: ffprobe when `tools.ffprobePath` is set, and music-metadata (format info:
 * `hasVideo`, `hasAudio`, `duration`) for whatever ffprobe did not give or when it is absent (issue 6, "Processing").
 * @param path The stored upload (server-chosen, absolute).
 * @param type The detected allowed type; its `demuxer` is forced so ffprobe never re-guesses the format.
 * @returns What was learned; `{}` when both failed (never throws: a failed probe leaves fields out).
 */
export async function probeMedia(path: string, type: AllowedType, tools: MediaTools): Promise<MediaProbe> {
  const fromFfprobe = tools.ffprobePath ? await ffprobe(tools.ffprobePath, path, type) : {};
  if (fromFfprobe.hasVideo !== undefined && fromFfprobe.durationMs !== undefined) return fromFfprobe;
  return { ...(await musicMetadata(path)), ...fromFfprobe };
}

async function ffprobe(ffprobePath: string, path: string, type: AllowedType): Promise<MediaProbe> {
  const args = ['-v', 'error', '-protocol_whitelist', 'file', ...(type.demuxer ? ['-f', type.demuxer] : [])];
  args.push('-print_format', 'json', '-show_streams', '-show_format', `file:${path}`);
  const stdout = await runTool(ffprobePath, args, { maxOutputBytes: MAX_PROBE_OUTPUT_BYTES });
  if (!stdout) return {};
  let parsed: FfprobeOutput;
  try {
    parsed = JSON.parse(stdout.toString('utf8')) as FfprobeOutput; // ffprobe's documented JSON writer; fields checked below
  } catch {
    return {};
  }
  const streams = parsed.streams ?? [];
  const video = streams.find((s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1);
  const probe: MediaProbe = { hasVideo: video !== undefined, hasAudio: streams.some((s) => s.codec_type === 'audio') };
  const seconds = Number(parsed.format?.duration);
  if (Number.isFinite(seconds) && seconds > 0) probe.durationMs = Math.round(seconds * 1000);
  if (video?.width && video.height) {
    const rotation = video.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ?? Number(video.tags?.rotate ?? 0);
    const quarterTurn = Math.abs(rotation) % 180 === 90;
    probe.width = quarterTurn ? video.height : video.width;
    probe.height = quarterTurn ? video.width : video.height;
  }
  return probe;
}

async function musicMetadata(path: string): Promise<MediaProbe> {
  try {
    const { format } = await parseFile(path, { duration: true, skipCovers: true });
    const probe: MediaProbe = {};
    if (format.hasVideo !== undefined) probe.hasVideo = format.hasVideo;
    if (format.hasAudio !== undefined) probe.hasAudio = format.hasAudio;
    if (format.duration !== undefined && Number.isFinite(format.duration) && format.duration > 0) {
      probe.durationMs = Math.round(format.duration * 1000);
    }
    return probe;
  } catch {
    return {};
  }
}
