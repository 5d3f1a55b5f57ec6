import type { Meeting } from '@parley/protocol';
import type { CallSession } from '../hooks/use-call-session.js';
import { remoteTileNames } from '../lib/meeting-text.js';
import { VideoTile } from './VideoTile.js';

/** The call's media and whom it shows. */
export interface CallStageProps {
  call: CallSession;
  meeting: Meeting;
  meId: string;
  names: ReadonlyMap<string, string>;
}

const NOTICE = 'm-auto max-w-md p-6 text-center text-sm text-slate-200';

/**
 * The call view's main area: while joining, a status ("Getting the meeting ready…", "Connecting to the video
 * service…"); the reasons it cannot ("Video isn't set up on this server" with the server's message, "Could not
 * connect to the video service." with "Try again"); once joined, the caller's tile and one per remote member.
 */
export function CallStage({ call, meeting, meId, names }: CallStageProps) {
  const { state, session } = call;
  if (state.phase === 'connected' && session) {
    const remoteNames = remoteTileNames(call.remotes.length, meeting, meId, names);
    const local = state.local;
    const note = local?.error ? 'No camera' : call.microphone ? undefined : 'Muted';
    return (
      <div className="grid min-h-0 flex-1 auto-rows-fr grid-cols-1 gap-3 overflow-y-auto p-3 sm:grid-cols-2">
        <VideoTile name={`${names.get(meId) ?? 'You'} (you)`} session={session} source="local" video={Boolean(local?.camera) && call.camera} note={note} />
        {call.remotes.map((remote, index) => (
          <VideoTile key={remote.uid} name={remoteNames[index] ?? 'Participant'} session={session} source={{ uid: remote.uid }} video={remote.hasVideo} note={remote.hasAudio ? undefined : 'Muted'} />
        ))}
        {local?.error && (
          <p role="alert" className="text-sm text-amber-300 sm:col-span-2">
            Camera or microphone unavailable: {local.error}
          </p>
        )}
      </div>
    );
  }
  return (
    <div role="status" className={NOTICE}>
      {state.phase === 'token' && <p>Getting the meeting ready…</p>}
      {state.phase === 'connecting' && <p>Connecting to the video service…</p>}
      {state.phase === 'not-configured' && (
        <>
          <p className="text-base font-semibold text-white">Video isn't set up on this server</p>
          <p className="mt-1">{state.message}</p>
        </>
      )}
      {state.phase === 'refused' && <p>Could not join the meeting: {state.message}</p>}
      {state.phase === 'failed' && (
        <>
          <p className="text-base font-semibold text-white">Could not connect to the video service.</p>
          <p className="mt-1">{state.message}</p>
          <button type="button" onClick={call.retry} className="mt-3 rounded bg-white px-3 py-1.5 font-medium text-slate-900 hover:bg-slate-200">
            Try again
          </button>
        </>
      )}
    </div>
  );
}
