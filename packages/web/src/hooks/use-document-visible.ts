import { useSyncExternalStore } from 'react';

/** True while the tab is visible (Page Visibility API); reads are only marked for a visible tab. */
export function useDocumentVisible(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      document.addEventListener('visibilitychange', onChange);
      return () => document.removeEventListener('visibilitychange', onChange);
    },
    () => document.visibilityState === 'visible',
  );
}
