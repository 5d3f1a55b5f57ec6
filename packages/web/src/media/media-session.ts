import type { MeetingToken } from '@parley/protocol';

/** Someone else in the media session, by the provider's uid (Agora: a number, as a string here). */
export interface RemoteMember {
  uid: string;
  /** They publish video (their tile plays it) or audio. */
  hasVideo: boolean;
  hasAudio: boolean;
}

/** What could be opened of the caller's own devices after joining. */
export interface LocalMedia {
  camera: boolean;
  microphone: boolean;
  /** Why a device could not be opened (no camera, permission refused, …), or null. */
  error: string | null;
}

/**
 * One media session of the call view, whatever the provider: join with the server's token, publish the camera and
 * microphone, switch them, play tiles, leave. The call view talks to this interface only; the provider's SDK loads
 * lazily behind it ({@link loadMediaSession}), and tests pass a fake.
 */
export interface MediaSession {
  /** Joins the token's channel as its uid; rejects with the provider's error (unreachable cloud, refused token). */
  join(token: MeetingToken): Promise<void>;
  /** Opens the microphone and camera and publishes what it could. Call after {@link join}. */
  publish(): Promise<LocalMedia>;
  setCamera(on: boolean): Promise<void>;
  setMicrophone(on: boolean): Promise<void>;
  /** Plays the caller's own camera into `element` (muted: one's own voice is never played back). */
  playLocal(element: HTMLElement): void;
  /** Plays a remote member's video into `element` (their audio plays without an element). */
  playRemote(uid: string, element: HTMLElement): void;
  /** Calls `listener` with everyone else in the session after each change; answers a function that stops it. */
  onRemoteChange(listener: (members: RemoteMember[]) => void): () => void;
  /** Stops the devices and leaves the channel; a join still under way then rejects. Safe to call more than once. */
  leave(): Promise<void>;
}

/** Makes the session for a token's provider. */
export type MediaSessionFactory = (token: MeetingToken) => Promise<MediaSession>;

/**
 * The app's {@link MediaSessionFactory}: Agora's Web SDK (`agora-rtc-sdk-ng`), imported with `import()` so that its
 * ~1.6 MB stay out of the main bundle until someone joins a call. LiveKit tokens are refused: the web app has no
 * LiveKit client yet.
 */
export const loadMediaSession: MediaSessionFactory = async (token) => {
  if (token.provider !== 'agora') throw new Error('This web app joins Agora meetings only; LiveKit is not supported yet.');
  const { createAgoraSession } = await import('./agora-session.js');
  return createAgoraSession();
};
