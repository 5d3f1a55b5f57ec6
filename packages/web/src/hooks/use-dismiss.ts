import { useEffect, useRef, type RefObject } from 'react';

/** How a popup was dismissed: Escape, or a pointer pressed outside it. */
export type DismissReason = 'escape' | 'outside';

/**
 * While `open`, calls `onDismiss` when Escape is pressed anywhere or a pointer goes down outside `root` (the popup
 * and the button that opens it), as WAI-ARIA's menu and disclosure patterns close.
 */
export function useDismiss(open: boolean, root: RefObject<HTMLElement | null>, onDismiss: (reason: DismissReason) => void): void {
  const latest = useRef(onDismiss);
  useEffect(() => {
    latest.current = onDismiss;
  });
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') latest.current('escape');
    };
    const onPointer = (event: PointerEvent) => {
      if (event.target instanceof Node && !root.current?.contains(event.target)) latest.current('outside');
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open, root]);
}
