import { useState } from 'react';
import { devAuth } from '@parley/sdk';
import { useLocation } from 'wouter';
import { describeError } from '../api/auth-errors.js';
import type { DevAuthState } from '../hooks/use-dev-auth.js';
import { useSessionStore } from '../store/session-store.js';
import { SignInPage } from './SignInPage.js';

/** `/signin`: the development sign-in page when the server offers it; a token from `POST /api/dev/token` starts the session. */
export function SignInRoute({ devAuthState }: { devAuthState: DevAuthState }) {
  const [, navigate] = useLocation();
  const [busyUserId, setBusyUserId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (devAuthState.status === 'checking') return <p className="p-6 text-sm text-slate-500">Loading…</p>;
  if (devAuthState.status === 'off') {
    return (
      <main className="mx-auto max-w-md p-6">
        <h1 className="text-xl font-semibold">Sign in from your marketplace</h1>
        <p className="mt-2 text-sm text-slate-600">Development sign-in is off on this server. Open Parley from the marketplace to sign in.</p>
      </main>
    );
  }

  const onPick = (userId: string) => {
    setBusyUserId(userId);
    setError(null);
    devAuth.token(window.location.origin, userId).then(
      (token) => {
        useSessionStore.getState().signIn(token);
        navigate('/');
      },
      (cause: unknown) => {
        setBusyUserId(null);
        setError(`Could not sign in: ${describeError(cause)}`);
      },
    );
  };
  return <SignInPage users={devAuthState.users} onPick={onPick} busyUserId={busyUserId} error={error} />;
}
