import type { KeyboardEvent } from 'react';

/** What can take the focus inside a dialog. */
export const FOCUSABLE = 'button:not([disabled]), a[href], input:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Keeps Tab inside a modal dialog (WAI-ARIA dialog pattern): Tab on its last control goes to its first, Shift+Tab on
 * its first to its last. Call it from the dialog's `onKeyDown`; other keys are left alone.
 */
export function wrapTabFocus(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Tab') return;
  const controls = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const edge = event.shiftKey ? controls[0] : controls.at(-1);
  if (document.activeElement !== edge) return;
  event.preventDefault();
  (event.shiftKey ? controls.at(-1) : controls[0])?.focus();
}
