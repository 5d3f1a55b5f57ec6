import type { z } from 'zod';
import { ParleyError } from './errors.js';

/**
 * Supplies the bearer token for each call. `refresh: true` means the server just refused the last token
 * (`UNAUTHENTICATED`, e.g. expired): return a new one if you can.
 */
export type TokenSource = (options?: { refresh?: boolean }) => string | Promise<string>;

/** A minimal REST caller bound to a base URL and a token source. */
export interface Rest {
  /**
   * Calls `/api{path}` and parses the JSON answer with `schema`. Throws {@link ParleyError}: the contract's
   * code for non-2xx answers, `NETWORK_ERROR` when no answer came, `BAD_RESPONSE` when it does not match `schema`.
   */
  call<S extends z.ZodType>(method: string, path: string, schema: S, body?: unknown): Promise<z.output<S>>;
}

/**
 * REST over `fetch` (browsers and Node 18+). `baseUrl` without a trailing slash, e.g. `http://localhost:3000`.
 * A call refused with `401 UNAUTHENTICATED` asks `getToken({refresh: true})` and, when that gives another
 * token, is made once more with it.
 */
export function createRest(baseUrl: string, getToken: TokenSource | null): Rest {
  async function send(method: string, path: string, body: unknown, token: string | null): Promise<Response> {
    try {
      return await fetch(`${baseUrl}/api${path}`, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new ParleyError('NETWORK_ERROR', error instanceof Error ? error.message : 'Network error', 0);
    }
  }
  return {
    async call(method, path, schema, body) {
      const token = getToken ? await getToken() : null;
      let response = await send(method, path, body, token);
      if (response.status === 401 && getToken) {
        const refreshed = await getToken({ refresh: true });
        if (refreshed !== token) response = await send(method, path, body, refreshed);
      }
      const text = await response.text();
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        throw new ParleyError('BAD_RESPONSE', `HTTP ${response.status}: not JSON`, response.status);
      }
      if (!response.ok) throw ParleyError.fromResponse(response.status, json, response.headers.get('retry-after'));
      const parsed = schema.safeParse(json);
      if (!parsed.success) throw new ParleyError('BAD_RESPONSE', `Unexpected answer from ${method} ${path}`, response.status, parsed.error.issues);
      return parsed.data;
    },
  };
}

/** A query string from defined values, e.g. `{limit: 20, cursor: undefined}` → `?limit=20`. */
export function query(params: Record<string, string | number | boolean | undefined>): string {
  const entries = Object.entries(params).filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined);
  return entries.length === 0 ? '' : `?${new URLSearchParams(entries.map(([key, value]): [string, string] => [key, String(value)])).toString()}`;
}
