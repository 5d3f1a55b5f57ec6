/**
 * How a marketplace hands Parley a user's token in production (see packages/web/README.md):
 *
 * 1. In the URL fragment: `https://parley.example/#token=<jwt>` (or `/c/<id>#token=<jwt>`). The fragment never
 *    reaches a server or a Referer header; the app reads it once and removes it from history.
 * 2. By `postMessage` from the page that embeds Parley in an iframe (or opened it as a popup):
 *    `frame.contentWindow.postMessage({ type: 'parley:token', token }, parleyOrigin)`. Parley announces it is
 *    listening with `{ type: 'parley:ready' }` to its parent or opener.
 */

/** The message an embedding page posts to hand over (or refresh) a token. */
export interface TokenMessage {
  type: 'parley:token';
  token: string;
}

/** Reads `#token=…` from the URL, removes it from the address bar and history, and returns it (or null). */
export function consumeFragmentToken(location: Location, history: History): string | null {
  if (!location.hash.startsWith('#')) return null;
  const params = new URLSearchParams(location.hash.slice(1));
  const token = params.get('token');
  if (!token) return null;
  params.delete('token');
  const rest = params.toString();
  history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
  return token;
}

/** True when `data` is a {@link TokenMessage}. */
export function isTokenMessage(data: unknown): data is TokenMessage {
  return (
    typeof data === 'object' &&
    data !== null &&
    'type' in data &&
    data.type === 'parley:token' &&
    'token' in data &&
    typeof data.token === 'string' &&
    data.token.length > 0
  );
}

/**
 * The origins allowed to post tokens. When the page declares them in
 * `<meta name="parley-embedder-origins" content="https://market.example https://admin.market.example">`,
 * only those; otherwise the origin of the window that embeds or opened this one, known from
 * `location.ancestorOrigins` (iframes, Chromium and Safari) or `document.referrer`.
 */
export function trustedEmbedderOrigins(win: Window): string[] {
  const declared = win.document.querySelector('meta[name="parley-embedder-origins"]')?.getAttribute('content');
  if (declared) return declared.split(/\s+/).filter(Boolean);
  const ancestor = win.location.ancestorOrigins?.[0];
  if (ancestor && win.parent !== win) return [ancestor];
  try {
    return win.document.referrer ? [new URL(win.document.referrer).origin] : [];
  } catch {
    return [];
  }
}

/**
 * Listens for {@link TokenMessage}s and calls `onToken` for each one that comes from this window's parent
 * (when framed) or opener AND from a trusted origin ({@link trustedEmbedderOrigins}); every other message is
 * ignored. Posts `{type: 'parley:ready'}` to the parent or opener so it knows when to send. Returns the
 * function that stops listening.
 */
export function listenForTokenMessages(win: Window, onToken: (token: string) => void): () => void {
  // lib.dom types `opener` as any; it is a WindowProxy or null (`instanceof` fails across origins).
  const opener = win.opener as Window | null;
  const embedders = [win.parent !== win ? win.parent : null, opener].filter(
    (candidate): candidate is Window => candidate !== null,
  );
  if (embedders.length === 0) return () => {};
  const origins = trustedEmbedderOrigins(win);
  const listener = (event: MessageEvent<unknown>) => {
    if (!embedders.some((embedder) => embedder === event.source)) return;
    if (!origins.includes(event.origin)) return;
    if (isTokenMessage(event.data)) onToken(event.data.token);
  };
  win.addEventListener('message', listener);
  for (const embedder of embedders) {
    for (const origin of origins) embedder.postMessage({ type: 'parley:ready' }, origin);
  }
  return () => win.removeEventListener('message', listener);
}
