import type { Logger } from 'pino';

/** Default bound on one Redis call made on a request's path (ms) before its process-local answer is used. */
export const DEFAULT_COMMAND_TIMEOUT_MS = 1_000;

/**
 * Runs Redis calls so that an outage never reaches the caller (issue 8, "Degradation"): a failed or
 * slow call is logged once per outage and answered from process-local knowledge instead.
 */
export interface FailSoft {
  /**
   * Resolves with `op()`'s result, or, when it rejects or takes longer than the timeout, with
   * `fallback()`'s. Never rejects unless `fallback` does. A timed-out `op` may still complete later.
   */
  attempt<T>(op: () => Promise<T>, fallback: () => T | Promise<T>): Promise<T>;
  /** True between a failed call and the next successful one. */
  readonly failing: boolean;
}

/**
 * A {@link FailSoft} for one seam: the first failure of an outage is logged at `warn` with `component`,
 * the first success after it at `info`; failures in between are silent. `timeoutMs` bounds each call
 * (node-redis cannot time out a command already written to a hung server).
 */
export function createFailSoft(log: Logger, component: string, timeoutMs = DEFAULT_COMMAND_TIMEOUT_MS): FailSoft {
  let failing = false;
  return {
    get failing() {
      return failing;
    },
    async attempt(op, fallback) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Redis call took over ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        const result = await Promise.race([op(), timeout]);
        if (failing) log.info({ component }, 'Redis calls succeed again');
        failing = false;
        return result;
      } catch (error) {
        if (!failing) log.warn({ err: error, component }, 'Redis call failed; answering from this process until it is back');
        failing = true;
        return fallback();
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
