import { useVoiceRecorder } from '../hooks/use-voice-recorder.js';
import { formatDuration } from '../lib/format-media.js';

/**
 * The microphone: "Record a voice note" starts recording, then shows the elapsed time and "Stop recording", which
 * adds the recording to the tray (`voice-note-<time>.webm`). Absent where MediaRecorder or getUserMedia is missing.
 */
export function VoiceNoteButton({ onRecorded, disabled }: { onRecorded: (file: File) => void; disabled: boolean }) {
  const recorder = useVoiceRecorder(onRecorded);
  if (!recorder.supported) return null;
  return (
    <div className="flex items-center gap-1">
      {recorder.recording && (
        <span role="timer" aria-label="Recording time" className="text-xs tabular-nums text-red-700">
          <span aria-hidden="true">● </span>
          {formatDuration(recorder.elapsedMs)}
        </span>
      )}
      <button
        type="button"
        onClick={recorder.recording ? recorder.stop : recorder.start}
        disabled={disabled && !recorder.recording}
        aria-label={recorder.recording ? 'Stop recording' : 'Record a voice note'}
        title={recorder.recording ? 'Stop recording' : 'Record a voice note'}
        className={`rounded-lg p-2 hover:bg-slate-100 disabled:opacity-40 ${recorder.recording ? 'text-red-700' : 'text-slate-600'}`}
      >
        {recorder.recording ? (
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="currentColor">
            <rect x="5" y="5" width="10" height="10" rx="1.5" />
          </svg>
        ) : (
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="none" stroke="currentColor" strokeWidth={1.6} strokeLinecap="round" strokeLinejoin="round">
            <rect x="7" y="2.5" width="6" height="10" rx="3" />
            <path d="M4.5 9.5a5.5 5.5 0 0 0 11 0M10 15v2.5M7 17.5h6" />
          </svg>
        )}
      </button>
      {recorder.error && (
        <span role="alert" className="text-xs text-red-800">
          {recorder.error}
        </span>
      )}
    </div>
  );
}
