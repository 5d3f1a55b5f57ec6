import { Link } from 'wouter';

/**
 * Shown after a `401 UNAUTHENTICATED` from the API or the socket. With development sign-in it links back to
 * the sign-in page; in production the marketplace must hand over a new token (URL fragment or postMessage).
 */
export function SessionExpired({ devAuthOn }: { devAuthOn: boolean }) {
  return (
    <main className="mx-auto max-w-md p-6 text-center">
      <div role="alert">
        <h1 className="text-xl font-semibold text-slate-900">Your session has expired…</h1>
        <p className="mt-2 text-sm text-slate-600">
          Parley no longer accepts your sign-in token. {devAuthOn ? 'Sign in again to continue.' : 'Open Parley again from the marketplace to continue.'}
        </p>
      </div>
      {devAuthOn && (
        <Link href="/signin" className="mt-4 inline-block rounded-lg bg-sky-600 px-4 py-2 text-sm font-semibold text-white hover:bg-sky-700">
          Sign in again
        </Link>
      )}
    </main>
  );
}
