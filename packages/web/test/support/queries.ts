import { screen, within } from '@testing-library/react';
import type { ByRoleMatcher } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

/** The bubble (with its delivery mark) holding `text`; throws when there is none. */
export function bubbleOf(text: string | RegExp): HTMLElement {
  const bubble = screen.getByText(text).closest<HTMLElement>('[data-delivery]');
  if (!bubble) throw new Error(`no bubble with a delivery mark holds ${String(text)}`);
  return bubble;
}

/** The thread row of the stored message holding `text` (own or not, deleted or not); throws when there is none. */
export function messageRowOf(text: string | RegExp): HTMLElement {
  const row = screen.getByText(text).closest<HTMLElement>('[id^="message-"]');
  if (!row) throw new Error(`no stored message holds ${String(text)}`);
  return row;
}

/** Opens the actions menu of the message holding `text` and answers the menu. */
export async function openMenu(user: UserEvent, text: string): Promise<HTMLElement> {
  await user.click(within(messageRowOf(text)).getByRole('button', { name: 'Message actions' }));
  return screen.getByRole('menu', { name: 'Message actions' });
}

/** The text of each element with `role` inside `container`, in document order. */
export function textsByRole(container: HTMLElement, role: ByRoleMatcher): string[] {
  return within(container)
    .getAllByRole(role)
    .map((element) => element.textContent ?? '');
}
