import type { Meeting } from '@parley/protocol';
import { useCallback, useEffect, useState } from 'react';
import type { ParleyApi } from '../api/parley-api.js';
import { isRingingFor } from '../lib/meeting-text.js';

/** How long a call rings at most (ms): the server's ring window for instant meetings (issue 7: 2 minutes). */
export const RING_WINDOW_MS = 2 * 60_000;

/** An instant meeting ringing for the signed-in user. */
export interface IncomingCall {
  meeting: Meeting;
  /** Who invited them (`meeting:invite`'s `userId`, else the host). */
  callerId: string;
}

/**
 * The call ringing for `meId`, if any: set by `meeting:invite` for an instant meeting they were invited to, kept
 * current by `meeting:updated`, and gone once that shows it over or their answer given (on any of their devices), or
 * after {@link RING_WINDOW_MS}, or on `dismiss`. A newer invitation replaces an older one.
 */
export function useIncomingCall(api: ParleyApi, meId: string): { call: IncomingCall | null; dismiss: () => void } {
  const [call, setCall] = useState<IncomingCall | null>(null);
  useEffect(() => {
    const offs = [
      api.on('meeting:invite', ({ meeting, userId }) => {
        if (isRingingFor(meeting, meId)) setCall({ meeting, callerId: userId ?? meeting.hostId });
      }),
      api.on('meeting:updated', ({ meeting }) =>
        setCall((current) => {
          if (current?.meeting.id !== meeting.id) return current;
          return isRingingFor(meeting, meId) ? { ...current, meeting } : null;
        }),
      ),
    ];
    return () => offs.forEach((off) => off());
  }, [api, meId]);
  const ringingId = call?.meeting.id;
  useEffect(() => {
    if (!ringingId) return;
    const timer = setTimeout(() => setCall((current) => (current?.meeting.id === ringingId ? null : current)), RING_WINDOW_MS);
    return () => clearTimeout(timer);
  }, [ringingId]);
  const dismiss = useCallback(() => setCall(null), []);
  return { call, dismiss };
}
