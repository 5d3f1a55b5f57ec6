import { vi } from 'vitest';

/** A stand-in for the browser's Notification API (jsdom has none): records what was shown. */
export class FakeNotification {
  static permission: NotificationPermission = 'default';
  static requestPermission = vi.fn(() => Promise.resolve(FakeNotification.permission));
  static shown: FakeNotification[] = [];
  onclick: (() => void) | null = null;
  readonly close = vi.fn();
  constructor(
    readonly title: string,
    readonly options: NotificationOptions = {},
  ) {
    FakeNotification.shown.push(this);
  }
}

/** Installs {@link FakeNotification} as `globalThis.Notification` with `permission`; returns the class. */
export function stubNotifications(permission: NotificationPermission): typeof FakeNotification {
  FakeNotification.permission = permission;
  FakeNotification.shown = [];
  FakeNotification.requestPermission.mockReset();
  FakeNotification.requestPermission.mockImplementation(() => Promise.resolve(FakeNotification.permission));
  vi.stubGlobal('Notification', FakeNotification);
  return FakeNotification;
}

/** Makes `document.visibilityState` answer `state` (and fires `visibilitychange`). */
export function setVisibility(state: DocumentVisibilityState): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}
