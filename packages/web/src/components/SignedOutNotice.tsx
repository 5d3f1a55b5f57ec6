/** Production without a token: the marketplace has not signed the user in yet (see the token hand-off in README). */
export function SignedOutNotice() {
  return (
    <main className="mx-auto max-w-md p-6 text-center">
      <h1 className="text-xl font-semibold text-slate-900">You are signed out</h1>
      <p className="mt-2 text-sm text-slate-600">Open Parley from your marketplace to sign in.</p>
    </main>
  );
}
