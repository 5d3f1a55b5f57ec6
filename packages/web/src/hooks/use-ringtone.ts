import { useEffect } from 'react';
import { startRingtone } from '../lib/ringtone.js';

/** Rings (Web Audio, `lib/ringtone.ts`) while `active` is true and the component is mounted; `start` is for tests. */
export function useRingtone(active: boolean, start: () => () => void = startRingtone): void {
  useEffect(() => (active ? start() : undefined), [active, start]);
}
