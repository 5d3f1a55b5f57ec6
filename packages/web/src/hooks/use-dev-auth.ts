import { useEffect, useState } from 'react';
import type { User } from '@parley/protocol';
import { devAuth } from '@parley/sdk';

/** Whether the server offers development sign-in (`PARLEY_DEV_AUTH=1`), and its demo users. */
export type DevAuthState = { status: 'checking' } | { status: 'on'; users: User[] } | { status: 'off' };

let probe: Promise<User[] | null> | null = null;

/** Asks the server once per page load: `GET /api/dev/users` answers only when dev auth is on. */
function probeDevAuth(): Promise<User[] | null> {
  probe ??= devAuth.users(window.location.origin).catch(() => null);
  return probe;
}

/** Detects development sign-in by `devAuth.users(origin)` succeeding (the route does not exist in production). */
export function useDevAuth(): DevAuthState {
  const [state, setState] = useState<DevAuthState>({ status: 'checking' });
  useEffect(() => {
    let current = true;
    void probeDevAuth().then((users) => {
      if (current) setState(users ? { status: 'on', users } : { status: 'off' });
    });
    return () => {
      current = false;
    };
  }, []);
  return state;
}
