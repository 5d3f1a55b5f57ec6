import type { Logger } from 'pino';

/**
 * Work that runs after a request has been answered (presence writes, notifications). A failure is logged,
 * never thrown, so it cannot fail a send or crash the process; `settled()` lets shutdown (and tests) wait
 * for the work in flight before the database closes.
 */
export interface BackgroundWork {
  /** Starts `work` once the earlier work queued under the same `key` has finished (per-key order); `label` names it in the error log. */
  queue(key: string, label: string, work: () => Promise<void>): void;
  /** Resolves once no work is in flight, including work started while waiting. */
  settled(): Promise<void>;
}

/** An in-process {@link BackgroundWork} that logs failures to `log`. */
export function createBackgroundWork(log: Logger): BackgroundWork {
  const pending = new Set<Promise<void>>();
  const tails = new Map<string, Promise<void>>();

  const track = (label: string, promise: Promise<void>): Promise<void> => {
    const guarded = promise.catch((error: unknown) => log.error({ err: error }, `${label} failed`));
    pending.add(guarded);
    void guarded.finally(() => pending.delete(guarded));
    return guarded;
  };

  return {
    queue(key, label, work) {
      const previous = tails.get(key) ?? Promise.resolve();
      const next = track(label, previous.then(work));
      tails.set(key, next);
      void next.finally(() => {
        if (tails.get(key) === next) tails.delete(key);
      });
    },
    async settled() {
      while (pending.size > 0) await Promise.all(pending);
    },
  };
}
