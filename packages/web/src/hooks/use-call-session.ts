import type { MeetingToken } from '@parley/protocol';
import { useCallback, useEffect, useState } from 'react';
import { ParleyError } from '@parley/sdk';
import { describeError } from '../api/auth-errors.js';
import type { ParleyApi } from '../api/parley-api.js';
import { loadMediaSession, type LocalMedia, type MediaSession, type MediaSessionFactory, type RemoteMember } from '../media/media-session.js';
import { useApi } from './use-api.js';

/** How long joining the media session may take before the call view gives up (ms). */
export const JOIN_TIMEOUT_MS = 15_000;

/** Where the call view's media stands. */
export type CallState =
  | { phase: 'token' }
  | { phase: 'not-configured'; message: string }
  | { phase: 'refused'; message: string }
  | { phase: 'connecting' }
  | { phase: 'connected'; local: LocalMedia | null }
  | { phase: 'failed'; message: string };

/** What {@link connect} needs. */
interface ConnectDeps {
  api: ParleyApi;
  meetingId: string;
  createSession: MediaSessionFactory;
  joinTimeoutMs: number;
}

/** The token's refusal as a state: `503 MEETINGS_NOT_CONFIGURED` apart (the server has no media provider). */
function tokenRefusal(error: unknown): CallState {
  if (error instanceof ParleyError && error.code === 'MEETINGS_NOT_CONFIGURED') return { phase: 'not-configured', message: error.message };
  return { phase: 'refused', message: describeError(error) };
}

/** `promise`, or a rejection after `ms` milliseconds. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`The video service did not answer within ${Math.round(ms / 1000)} s.`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * Fetches the caller's media token (`meetings.token`), makes the provider's session, joins it (at most
 * `joinTimeoutMs`), then publishes the camera and microphone, reporting each phase. A session made is handed to
 * `onSession` at once, so the caller can leave it whatever happens next; a failed join leaves it here.
 */
async function connect(deps: ConnectDeps, report: (state: CallState) => void, onSession: (session: MediaSession) => void): Promise<void> {
  let token: MeetingToken;
  try {
    token = await deps.api.meetings.token(deps.meetingId);
  } catch (error) {
    return report(tokenRefusal(error));
  }
  report({ phase: 'connecting' });
  let session: MediaSession | null = null;
  try {
    session = await deps.createSession(token);
    onSession(session);
    await withTimeout(session.join(token), deps.joinTimeoutMs);
  } catch (error) {
    session?.leave().catch(() => undefined);
    return report({ phase: 'failed', message: describeError(error) });
  }
  report({ phase: 'connected', local: null });
  const local = await session.publish().catch((error: unknown): LocalMedia => ({ camera: false, microphone: false, error: describeError(error) }));
  report({ phase: 'connected', local });
}

/** The call view's media: its state, the session once made, the others in it, and the controls. */
export interface CallSession {
  state: CallState;
  session: MediaSession | null;
  remotes: RemoteMember[];
  camera: boolean;
  microphone: boolean;
  toggleCamera: () => void;
  toggleMicrophone: () => void;
  /** Tries the whole way again (token, session, join). */
  retry: () => void;
  /** Leaves the media session for good (the call view's "Leave"). */
  hangUp: () => void;
}

/**
 * Joins meeting `meetingId`'s media session while `enabled` (issue 7, "Client"): token, then the provider's SDK
 * (loaded lazily by `createSession`), join with a {@link JOIN_TIMEOUT_MS} bound, publish. Leaves the session when
 * disabled, hung up or unmounted. The camera and microphone start on and switch with `setEnabled`.
 */
export function useCallSession(meetingId: string, enabled: boolean, createSession: MediaSessionFactory = loadMediaSession, joinTimeoutMs = JOIN_TIMEOUT_MS): CallSession {
  const api = useApi();
  const [state, setState] = useState<CallState>({ phase: 'token' });
  const [session, setSession] = useState<MediaSession | null>(null);
  const [remotes, setRemotes] = useState<RemoteMember[]>([]);
  const [camera, setCamera] = useState(true);
  const [microphone, setMicrophone] = useState(true);
  const [attempt, setAttempt] = useState(0);
  const [hungUp, setHungUp] = useState(false);
  useEffect(() => {
    if (!enabled || hungUp) return;
    let live = true;
    let made: MediaSession | null = null;
    setState({ phase: 'token' });
    const onSession = (next: MediaSession) => {
      made = next;
      if (live) setSession(next);
      else next.leave().catch(() => undefined);
    };
    void connect({ api, meetingId, createSession, joinTimeoutMs }, (next) => live && setState(next), onSession);
    return () => {
      live = false;
      made?.leave().catch(() => undefined);
      setSession(null);
      setRemotes([]);
    };
  }, [api, meetingId, enabled, hungUp, createSession, joinTimeoutMs, attempt]);
  useEffect(() => session?.onRemoteChange(setRemotes), [session]);
  const toggleCamera = useCallback(() => {
    setCamera(!camera);
    session?.setCamera(!camera).catch(() => undefined);
  }, [camera, session]);
  const toggleMicrophone = useCallback(() => {
    setMicrophone(!microphone);
    session?.setMicrophone(!microphone).catch(() => undefined);
  }, [microphone, session]);
  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  const hangUp = useCallback(() => setHungUp(true), []);
  return { state, session, remotes, camera, microphone, toggleCamera, toggleMicrophone, retry, hangUp };
}
