import { screen } from '@testing-library/react';

/** The bubble (with its delivery mark) holding `text`; throws when there is none. */
export function bubbleOf(text: string | RegExp): HTMLElement {
  const bubble = screen.getByText(text).closest<HTMLElement>('[data-delivery]');
  if (!bubble) throw new Error(`no bubble with a delivery mark holds ${String(text)}`);
  return bubble;
}
