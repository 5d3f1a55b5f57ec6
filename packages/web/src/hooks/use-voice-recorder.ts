import { useCallback, useEffect, useRef, useState } from 'react';

/** The composer's voice-note recorder. */
export interface VoiceRecorder {
  /** Whether this browser can record (MediaRecorder and getUserMedia exist). */
  supported: boolean;
  recording: boolean;
  /** Time recorded so far, in ms. */
  elapsedMs: number;
  /** Why recording could not start (e.g. the microphone was refused); null otherwise. */
  error: string | null;
  start: () => void;
  /** Stops and hands the recording to `onRecorded`. */
  stop: () => void;
}

/** Opus in WebM where the browser records it (Chrome, Firefox), else the browser's default container. */
const PREFERRED_TYPE = 'audio/webm;codecs=opus';

function isSupported(): boolean {
  return typeof MediaRecorder !== 'undefined' && typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';
}

/** `voice-note-2026-11-21T08-05-09.webm`: a name the server accepts and previews recognise ({@link isVoiceNote}). */
function voiceNoteName(at: Date): string {
  return `voice-note-${at.toISOString().slice(0, 19).replace(/:/g, '-')}.webm`;
}

/**
 * Records a voice note with MediaRecorder (W3C MediaStream Recording) from the microphone (`getUserMedia({audio})`):
 * `start` asks for the microphone and records, `stop` releases it and calls `onRecorded` with a
 * `voice-note-<time>.webm` file. Elapsed time ticks every 250 ms.
 */
export function useVoiceRecorder(onRecorded: (file: File) => void): VoiceRecorder {
  const [recording, setRecording] = useState(false);
  const [elapsedMs, setElapsedMs] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const recorder = useRef<MediaRecorder | null>(null);
  const recorded = useRef(onRecorded);
  recorded.current = onRecorded;

  useEffect(() => {
    if (!recording) return;
    const startedAt = Date.now();
    const timer = setInterval(() => setElapsedMs(Date.now() - startedAt), 250);
    return () => clearInterval(timer);
  }, [recording]);
  useEffect(() => () => recorder.current?.stream.getTracks().forEach((track) => track.stop()), []);

  const start = useCallback(() => {
    setError(null);
    navigator.mediaDevices
      .getUserMedia({ audio: true })
      .then((stream) => {
        const options = MediaRecorder.isTypeSupported(PREFERRED_TYPE) ? { mimeType: PREFERRED_TYPE } : {};
        const media = new MediaRecorder(stream, options);
        const chunks: Blob[] = [];
        media.ondataavailable = (event) => chunks.push(event.data);
        media.onstop = () => {
          stream.getTracks().forEach((track) => track.stop());
          const type = (media.mimeType || 'audio/webm').split(';')[0] ?? 'audio/webm';
          recorded.current(new File(chunks, voiceNoteName(new Date()), { type }));
        };
        recorder.current = media;
        media.start();
        setElapsedMs(0);
        setRecording(true);
      })
      .catch((reason: unknown) => setError(`Could not record: ${reason instanceof Error ? reason.message : 'the microphone is not available'}`));
  }, []);

  const stop = useCallback(() => {
    recorder.current?.stop();
    recorder.current = null;
    setRecording(false);
  }, []);

  return { supported: isSupported(), recording, elapsedMs, error, start, stop };
}
