/** The call's switches and the way out. */
export interface CallControlsProps {
  camera: boolean;
  microphone: boolean;
  /** The switches work once the session is joined. */
  canSwitch: boolean;
  onToggleCamera: () => void;
  onToggleMicrophone: () => void;
  onLeave: () => void;
  leaving: boolean;
}

const SWITCH = 'rounded-full px-4 py-2 text-sm font-medium disabled:opacity-50';

/** The call view's toolbar: "Camera" and "Microphone" toggle buttons (`aria-pressed` while on) and "Leave". */
export function CallControls({ camera, microphone, canSwitch, onToggleCamera, onToggleMicrophone, onLeave, leaving }: CallControlsProps) {
  const tone = (on: boolean) => (on ? 'bg-slate-700 text-white hover:bg-slate-600' : 'bg-white text-slate-900 hover:bg-slate-200');
  return (
    <div role="toolbar" aria-label="Call controls" className="flex flex-wrap items-center justify-center gap-3 p-3">
      <button type="button" aria-pressed={microphone} disabled={!canSwitch} onClick={onToggleMicrophone} className={`${SWITCH} ${tone(microphone)}`}>
        Microphone
      </button>
      <button type="button" aria-pressed={camera} disabled={!canSwitch} onClick={onToggleCamera} className={`${SWITCH} ${tone(camera)}`}>
        Camera
      </button>
      <button type="button" disabled={leaving} onClick={onLeave} className={`${SWITCH} bg-red-600 text-white hover:bg-red-700`}>
        {leaving ? 'Leaving…' : 'Leave'}
      </button>
    </div>
  );
}
