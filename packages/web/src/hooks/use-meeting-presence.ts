import type { Meeting } from '@parley/protocol';
import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError } from '../api/auth-errors.js';
import { isMeetingOver } from '../lib/meeting-text.js';
import { useMeetingAction } from './use-meeting-action.js';

/**
 * Leaves scheduled by an unmount, per meeting id. React's StrictMode (development) unmounts and mounts again at once;
 * that second mount finds its leave here and cancels it, so the server never sees the blink.
 */
const pendingLeaves = new Map<string, ReturnType<typeof setTimeout>>();

/**
 * The signed-in user's presence in `meeting` on the server while the call view shows it (issue 7, "Session tracking"):
 * on mount the host starts a meeting that has not started (`act('start')`) and anyone else joins it (`act('join')`;
 * the first join starts it); on unmount, or on `leave`, they leave it (the last one out ends it). Nothing happens for
 * a meeting that is over. `error` is a refused start or join, as a sentence.
 */
export function useMeetingPresence(meeting: Meeting, meId: string): { error: string | null; leave: () => Promise<void> } {
  const act = useMeetingAction();
  const [error, setError] = useState<string | null>(null);
  const left = useRef(false);
  const { id, hostId } = meeting;
  // Decided once, when the view opens: later updates of the meeting do not enter it again.
  const [entry] = useState((): 'start' | 'join' | null => {
    if (isMeetingOver(meeting.status)) return null;
    return hostId === meId && meeting.status !== 'active' ? 'start' : 'join';
  });
  useEffect(() => {
    if (!entry) return;
    const pending = pendingLeaves.get(id);
    if (pending === undefined) act(id, entry).catch((cause: unknown) => setError(describeError(cause)));
    clearTimeout(pending);
    pendingLeaves.delete(id);
    return () => {
      if (left.current) return;
      const leave = () => {
        pendingLeaves.delete(id);
        act(id, 'leave').catch(() => undefined);
      };
      pendingLeaves.set(id, setTimeout(leave, 0));
    };
  }, [act, entry, id]);
  const leave = useCallback(async () => {
    left.current = true;
    await act(id, 'leave');
  }, [act, id]);
  return { error, leave };
}
