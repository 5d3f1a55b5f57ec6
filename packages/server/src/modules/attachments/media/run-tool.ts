import { execFile } from 'node:child_process';

/** How long one ffmpeg/ffprobe run may take before it is killed, in ms (issue 6: a tool never holds an upload). */
export const TOOL_TIMEOUT_MS = 20_000;

/** Limits of one tool run. */
export interface ToolRunOptions {
  /** Largest stdout accepted, in bytes; a run that writes more is killed and counts as failed. */
  maxOutputBytes: number;
  /** Kill the run after this many ms; default `TOOL_TIMEOUT_MS`. */
  timeoutMs?: number;
}

/**
 * Runs a media tool with an argument array (never through a shell, so no argument is ever interpreted),
 * a timeout and bounded output (Node's `child_process.execFile` `timeout` and `maxBuffer`).
 * @param file The executable (`MediaTools.ffprobePath` / `ffmpegPath`).
 * @param args Its arguments, one element each.
 * @returns The whole stdout, or null when the tool could not start, failed, timed out or wrote more than allowed:
 *   callers leave the fields it would have given out rather than fail the upload (issue 6, "Processing").
 */
export function runTool(file: string, args: readonly string[], options: ToolRunOptions): Promise<Buffer | null> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      {
        encoding: 'buffer',
        timeout: options.timeoutMs ?? TOOL_TIMEOUT_MS,
        killSignal: 'SIGKILL',
        maxBuffer: options.maxOutputBytes,
        windowsHide: true,
      },
      (error, stdout) => resolve(error ? null : stdout),
    );
  });
}
