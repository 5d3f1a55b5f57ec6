import { vi } from 'vitest';

/**
 * A log taller than its box (jsdom lays nothing out), so the thread pages back only when asked to; answers the
 * `scrollIntoView` spy every element now has. Undo it with {@link removeLayout}.
 */
export function giveLayout() {
  const scrollIntoView = vi.fn();
  Object.defineProperty(HTMLElement.prototype, 'scrollHeight', { configurable: true, get: () => 1000 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 400 });
  Object.defineProperty(HTMLElement.prototype, 'scrollIntoView', { configurable: true, value: scrollIntoView });
  return scrollIntoView;
}

/** Takes away what {@link giveLayout} gave. */
export function removeLayout() {
  for (const property of ['scrollHeight', 'clientHeight', 'scrollIntoView']) Reflect.deleteProperty(HTMLElement.prototype, property);
}
