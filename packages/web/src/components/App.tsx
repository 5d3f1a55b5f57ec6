import { Redirect, Route, Switch } from 'wouter';
import { tokenSubject } from '../lib/token-subject.js';
import { useDevAuth, type DevAuthState } from '../hooks/use-dev-auth.js';
import { useTokenHandoff } from '../hooks/use-token-handoff.js';
import { useSessionStore } from '../store/session-store.js';
import { SessionExpired } from './SessionExpired.js';
import { SignedInApp } from './SignedInApp.js';
import { SignedOutNotice } from './SignedOutNotice.js';
import { SignInRoute } from './SignInRoute.js';

/** Every route but `/signin`: the session when there is one, otherwise the way to get one. */
function SessionRoot({ devAuthState }: { devAuthState: DevAuthState }) {
  const token = useSessionStore((state) => state.token);
  const expired = useSessionStore((state) => state.expired);
  if (expired) return <SessionExpired devAuthOn={devAuthState.status === 'on'} />;
  if (!token) {
    if (devAuthState.status === 'checking') return <p className="p-6 text-sm text-slate-500">Loading…</p>;
    return devAuthState.status === 'on' ? <Redirect to="/signin" replace /> : <SignedOutNotice />;
  }
  return <SignedInApp key={tokenSubject(token) ?? token} />;
}

/**
 * The web app's routes: `/signin` (development sign-in), `/` (inbox) and `/c/:conversationId` (a thread).
 * Tokens also arrive from the embedding marketplace (URL fragment, read in main.tsx, or postMessage).
 */
export function App() {
  useTokenHandoff();
  const devAuthState = useDevAuth();
  return (
    <Switch>
      <Route path="/signin">
        <SignInRoute devAuthState={devAuthState} />
      </Route>
      <Route>
        <SessionRoot devAuthState={devAuthState} />
      </Route>
    </Switch>
  );
}
