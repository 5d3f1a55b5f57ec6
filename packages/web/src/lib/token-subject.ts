/**
 * The `sub` claim of a JWT, read without verifying it (the server verifies; the app only needs to know
 * whether a new token belongs to the same user). Null when the token is not a readable JWT.
 */
export function tokenSubject(token: string): string | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json: unknown = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    if (typeof json === 'object' && json !== null && 'sub' in json && typeof json.sub === 'string') return json.sub;
    return null;
  } catch {
    return null;
  }
}
