import { useEffect, useRef } from 'react';
import type { MediaSession } from '../media/media-session.js';

/** A tile's label and what plays in it. */
export interface VideoTileProps {
  name: string;
  /** The session that plays the video, and whose: `'local'` for the caller's camera, else a remote uid. */
  session: MediaSession;
  source: 'local' | { uid: string };
  /** False: the person's initial instead of video (camera off, or none). */
  video: boolean;
  /** A note beside the name, e.g. "Muted". */
  note?: string | undefined;
}

/** One person's tile in the call view: a `figure` named by the person, their video (or initial) and name. */
export function VideoTile({ name, session, source, video, note }: VideoTileProps) {
  const box = useRef<HTMLDivElement>(null);
  const uid = source === 'local' ? null : source.uid;
  useEffect(() => {
    if (!video || !box.current) return;
    if (uid === null) session.playLocal(box.current);
    else session.playRemote(uid, box.current);
  }, [session, uid, video]);
  return (
    <figure aria-label={name} className="relative flex aspect-video min-h-0 items-center justify-center overflow-hidden rounded-lg bg-slate-800 text-white">
      {video ? (
        <div ref={box} className="absolute inset-0" />
      ) : (
        <span aria-hidden="true" className="flex size-16 items-center justify-center rounded-full bg-slate-600 text-2xl font-semibold">
          {name.slice(0, 1).toUpperCase()}
        </span>
      )}
      <figcaption className="absolute bottom-2 left-2 rounded bg-slate-900/70 px-2 py-0.5 text-xs">
        {name}
        {note && <span className="text-slate-300"> · {note}</span>}
      </figcaption>
    </figure>
  );
}
