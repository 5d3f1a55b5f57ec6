import { useEffect, useState } from 'react';

/** `value`, updated only after it has stayed the same for `delayMs` (ms), e.g. a search box's text. */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}
