/** The localStorage key holding the session token, so that a reload stays signed in. */
export const TOKEN_STORAGE_KEY = 'parley.token';

/** The stored token, or null (also when storage is unavailable, e.g. blocked third-party storage in an iframe). */
export function readStoredToken(): string | null {
  try {
    return window.localStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Stores the token, or removes it when `token` is null. Storage failures leave a session that ends at reload. */
export function writeStoredToken(token: string | null): void {
  try {
    if (token === null) window.localStorage.removeItem(TOKEN_STORAGE_KEY);
    else window.localStorage.setItem(TOKEN_STORAGE_KEY, token);
  } catch {
    // Storage is optional: without it the session simply does not survive a reload.
  }
}
