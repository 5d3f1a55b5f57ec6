import { useCallback, useState } from 'react';

/** The browser's permission for desktop notifications, or `'unsupported'` without the Notification API. */
export type DesktopPermission = NotificationPermission | 'unsupported';

function currentPermission(): DesktopPermission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/**
 * The desktop notification permission and `request()`, which asks the browser (`Notification.requestPermission()`).
 * Call `request` only from a user's click: the app never asks on load.
 */
export function useNotificationPermission(): { permission: DesktopPermission; request: () => void } {
  const [permission, setPermission] = useState<DesktopPermission>(currentPermission);
  const request = useCallback(() => {
    if (typeof Notification === 'undefined') return;
    Notification.requestPermission().then(setPermission, () => setPermission(currentPermission()));
  }, []);
  return { permission, request };
}
