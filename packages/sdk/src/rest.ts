import type { z } from 'zod';
import { ParleyError } from './errors.js';

/**
 * Supplies the bearer token for each call. `refresh: true` means the server just refused the last token
 * (`UNAUTHENTICATED`, e.g. expired): return a new one if you can.
 */
export type TokenSource = (options?: { refresh?: boolean }) => string | Promise<string>;

/** How much of an upload's request body has been sent, in bytes (`total` as the browser counts it). */
export interface UploadProgress {
  loaded: number;
  total: number;
}

/** A minimal REST caller bound to a base URL and a token source. */
export interface Rest {
  /**
   * Calls `/api{path}` and parses the JSON answer with `schema`. Throws {@link ParleyError}: the contract's
   * code for non-2xx answers, `NETWORK_ERROR` when no answer came, `BAD_RESPONSE` when it does not match `schema`.
   */
  call<S extends z.ZodType>(method: string, path: string, schema: S, body?: unknown): Promise<z.output<S>>;
  /**
   * POSTs a multipart form to `/api{path}`, as {@link call} otherwise. With `onProgress` in a browser, the form is
   * sent with `XMLHttpRequest`, whose upload events report progress (`fetch` has none); elsewhere with `fetch`.
   */
  upload<S extends z.ZodType>(path: string, form: FormData, schema: S, onProgress?: (progress: UploadProgress) => void): Promise<z.output<S>>;
}

/** What came back: the status, the body's text and `Retry-After`. */
interface RawAnswer {
  status: number;
  text: string;
  retryAfter: string | null;
}

type Send = (token: string | null) => Promise<RawAnswer>;

/**
 * REST over `fetch` (browsers and Node 18+). `baseUrl` without a trailing slash, e.g. `http://localhost:3000`.
 * A call refused with `401 UNAUTHENTICATED` asks `getToken({refresh: true})` and, when that gives another
 * token, is made once more with it.
 */
export function createRest(baseUrl: string, getToken: TokenSource | null): Rest {
  async function answer<S extends z.ZodType>(what: string, send: Send, schema: S): Promise<z.output<S>> {
    const token = getToken ? await getToken() : null;
    let response = await send(token);
    if (response.status === 401 && getToken) {
      const refreshed = await getToken({ refresh: true });
      if (refreshed !== token) response = await send(refreshed);
    }
    let json: unknown;
    try {
      json = response.text ? JSON.parse(response.text) : null;
    } catch {
      throw new ParleyError('BAD_RESPONSE', `HTTP ${response.status}: not JSON`, response.status);
    }
    if (response.status < 200 || response.status >= 300) throw ParleyError.fromResponse(response.status, json, response.retryAfter);
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new ParleyError('BAD_RESPONSE', `Unexpected answer from ${what}`, response.status, parsed.error.issues);
    return parsed.data;
  }

  const viaFetch = (method: string, path: string, body: string | FormData | undefined, contentType: string | undefined): Send => async (token) => {
    try {
      const response = await fetch(`${baseUrl}/api${path}`, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(contentType ? { 'content-type': contentType } : {}) },
        ...(body === undefined ? {} : { body }),
      });
      return { status: response.status, text: await response.text(), retryAfter: response.headers.get('retry-after') };
    } catch (error) {
      throw new ParleyError('NETWORK_ERROR', error instanceof Error ? error.message : 'Network error', 0);
    }
  };

  return {
    call(method, path, schema, body) {
      const json = body === undefined ? undefined : JSON.stringify(body);
      return answer(`${method} ${path}`, viaFetch(method, path, json, json === undefined ? undefined : 'application/json'), schema);
    },
    upload(path, form, schema, onProgress) {
      const Xhr = browserXhr();
      const send = onProgress && Xhr ? viaXhr(Xhr, `${baseUrl}/api${path}`, form, onProgress) : viaFetch('POST', path, form, undefined);
      return answer(`POST ${path}`, send, schema);
    },
  };
}

/** The part of the browser's `XMLHttpRequest` an upload uses (the SDK is compiled without the DOM library). */
interface XhrLike {
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  upload: { onprogress: ((event: { loaded: number; total: number }) => void) | null };
  onload: (() => void) | null;
  onerror: (() => void) | null;
  readonly status: number;
  readonly responseText: string;
  getResponseHeader(name: string): string | null;
  send(body: FormData): void;
}

/** The browser's `XMLHttpRequest`, or undefined outside browsers. */
function browserXhr(): (new () => XhrLike) | undefined {
  // The global exists only in browsers; its shape there is the DOM's, of which XhrLike is a part.
  return (globalThis as { XMLHttpRequest?: new () => XhrLike }).XMLHttpRequest;
}

/** A multipart POST through `XMLHttpRequest`, reporting upload progress. */
function viaXhr(Xhr: new () => XhrLike, url: string, form: FormData, onProgress: (progress: UploadProgress) => void): Send {
  return (token) =>
    new Promise((resolve, reject) => {
      const request = new Xhr();
      request.open('POST', url);
      if (token) request.setRequestHeader('authorization', `Bearer ${token}`);
      request.upload.onprogress = (event) => onProgress({ loaded: event.loaded, total: event.total });
      request.onload = () => resolve({ status: request.status, text: request.responseText, retryAfter: request.getResponseHeader('retry-after') });
      request.onerror = () => reject(new ParleyError('NETWORK_ERROR', 'Network error during upload', 0));
      request.send(form);
    });
}

/** A query string from defined values, e.g. `{limit: 20, cursor: undefined}` → `?limit=20`. */
export function query(params: Record<string, string | number | boolean | undefined>): string {
  const entries = Object.entries(params).filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined);
  return entries.length === 0 ? '' : `?${new URLSearchParams(entries.map(([key, value]): [string, string] => [key, String(value)])).toString()}`;
}
