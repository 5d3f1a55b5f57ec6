/** One ring: two bursts of a dual tone, then silence (North American ringback cadence, shortened). */
const TONES_HZ = [440, 480] as const;
const BURSTS_S = [
  [0, 0.4],
  [0.6, 1.0],
] as const;
/** How often the ring repeats (ms). */
export const RING_PERIOD_MS = 3_000;
/** Loudness of each oscillator (0–1), gentle enough for an office. */
const GAIN = 0.08;

/** The part of the Web Audio API the ringtone uses, so tests can pass a fake context. */
export type RingAudioContext = Pick<AudioContext, 'currentTime' | 'destination' | 'createOscillator' | 'createGain' | 'resume' | 'close'>;

/** Schedules one ring on `context`, starting now. */
function ringOnce(context: RingAudioContext): void {
  const start = context.currentTime;
  const gain = context.createGain();
  gain.gain.value = GAIN;
  gain.connect(context.destination);
  for (const [from, to] of BURSTS_S) {
    for (const frequency of TONES_HZ) {
      const oscillator = context.createOscillator();
      oscillator.frequency.value = frequency;
      oscillator.connect(gain);
      oscillator.start(start + from);
      oscillator.stop(start + to);
    }
  }
}

/** The browser's AudioContext, or null where there is none (jsdom, very old browsers). */
function browserAudioContext(): RingAudioContext | null {
  return typeof AudioContext === 'function' ? new AudioContext() : null;
}

/**
 * Starts ringing with the Web Audio API (oscillators, no audio file): a ring every {@link RING_PERIOD_MS} until the
 * returned function is called, which stops it and closes the context. Without Web Audio it does nothing. A browser may
 * keep the context suspended until the page had a user gesture (autoplay policy); the ring is then silent.
 */
export function startRingtone(createContext: () => RingAudioContext | null = browserAudioContext): () => void {
  const context = createContext();
  if (!context) return () => undefined;
  context.resume().catch(() => undefined);
  ringOnce(context);
  const timer = setInterval(() => ringOnce(context), RING_PERIOD_MS);
  return () => {
    clearInterval(timer);
    context.close().catch(() => undefined);
  };
}
