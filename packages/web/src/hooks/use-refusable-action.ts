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

/**
 * State for an editor or dialog whose action the server may refuse (message actions: edit, delete, forward; group
 * members). `describe` turns a refusal into the sentence shown; the message actions' sentences by default.
 */
export function useRefusableAction(describe: (error: unknown) => string = describeActionError): RefusableAction {
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback((work: () => Promise<void>, onDone: () => void) => {
    setRunning(true);
    setError(null);
    work().then(onDone, (cause: unknown) => {
      setRunning(false);
      setError(describe(cause));
    });
  }, [describe]);
  return { running, error, run };
}
