import AgoraRTC, { type IAgoraRTCRemoteUser, type ICameraVideoTrack, type IMicrophoneAudioTrack } from 'agora-rtc-sdk-ng';
import type { MeetingToken } from '@parley/protocol';
import type { LocalMedia, MediaSession, RemoteMember } from './media-session.js';

/** Agora's log levels (SDK docs, `AgoraRTC.setLogLevel`): 3 keeps warnings and errors only. */
const LOG_WARNINGS = 3;

/** The message of whatever a device or SDK call threw. */
function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A {@link MediaSession} on Agora's Web SDK 4.x (`agora-rtc-sdk-ng`, RTC mode, VP8): `join(appId, channel, token,
 * uid)`, subscribing to whatever remote users publish, and a microphone and camera track published after the join.
 * Log upload to Agora is off. Loaded only through {@link import('./media-session.js').loadMediaSession}.
 */
export function createAgoraSession(): MediaSession {
  AgoraRTC.setLogLevel(LOG_WARNINGS);
  AgoraRTC.disableLogUpload();
  const client = AgoraRTC.createClient({ mode: 'rtc', codec: 'vp8' });
  const listeners = new Set<(members: RemoteMember[]) => void>();
  let microphone: IMicrophoneAudioTrack | null = null;
  let camera: ICameraVideoTrack | null = null;

  const members = (): RemoteMember[] =>
    client.remoteUsers.map((user) => ({ uid: String(user.uid), hasVideo: user.hasVideo, hasAudio: user.hasAudio }));
  const announce = () => listeners.forEach((listener) => listener(members()));
  const userOf = (uid: string): IAgoraRTCRemoteUser | undefined => client.remoteUsers.find((user) => String(user.uid) === uid);

  client.on('user-published', (user: IAgoraRTCRemoteUser, mediaType: 'audio' | 'video' | 'datachannel') => {
    if (mediaType === 'datachannel') return;
    client.subscribe(user, mediaType).then(() => {
      if (mediaType === 'audio') user.audioTrack?.play();
      announce();
    }, () => announce());
  });
  client.on('user-unpublished', announce);
  client.on('user-joined', announce);
  client.on('user-left', announce);

  return {
    async join(token: MeetingToken) {
      await client.join(token.appId, token.channel, token.token, typeof token.uid === 'number' ? token.uid : Number(token.uid));
    },
    async publish(): Promise<LocalMedia> {
      let error: string | null = null;
      try {
        [microphone, camera] = await AgoraRTC.createMicrophoneAndCameraTracks();
      } catch (cause) {
        error = messageOf(cause);
        microphone = await AgoraRTC.createMicrophoneAudioTrack().catch(() => null);
      }
      const tracks = [microphone, camera].filter((track) => track !== null);
      if (tracks.length > 0) await client.publish(tracks);
      return { camera: camera !== null, microphone: microphone !== null, error };
    },
    async setCamera(on) {
      await camera?.setEnabled(on);
    },
    async setMicrophone(on) {
      await microphone?.setEnabled(on);
    },
    playLocal(element) {
      camera?.play(element);
    },
    playRemote(uid, element) {
      userOf(uid)?.videoTrack?.play(element);
    },
    onRemoteChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async leave() {
      listeners.clear();
      for (const track of [microphone, camera]) track?.close();
      microphone = null;
      camera = null;
      await client.leave();
    },
  };
}
