import { useCallback, useState } from 'react';
import { describeActionError } from '../lib/message-action-errors.js';

/** An action the server may refuse: whether it runs, and the last refusal as a sentence. */
export interface RefusableAction {
  running: boolean;
  /** The last refusal (e.g. "This message can no longer be edited."), null before and while it runs again. */
  error: string | null;
  /** Runs `work`; calls `onDone` when it succeeds, keeps the refusal when it fails. */
  run: (work: () => Promise<void>, onDone: () => void) => void;
}

/** State for an editor or dialog whose action the server may refuse (message actions: edit, delete, forward). */
export function useRefusableAction(): RefusableAction {
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback((work: () => Promise<void>, onDone: () => void) => {
    setRunning(true);
    setError(null);
    work().then(onDone, (cause: unknown) => {
      setRunning(false);
      setError(describeActionError(cause));
    });
  }, []);
  return { running, error, run };
}
