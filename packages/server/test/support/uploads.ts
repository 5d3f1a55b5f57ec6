import { openAsBlob } from 'node:fs';
import type { TestServer } from './server.js';

/** A file to upload: bytes from disk (`path`) or in memory (`bytes`), under the name the client declares. */
export type UploadSpec = { name: string; path: string } | { name: string; bytes: string | Buffer };

/** The answer of `POST /api/conversations/:id/attachments` (body parsed as JSON). */
export interface UploadResponse {
  status: number;
  // The contract's UploadResult or error body.
  body: any;
}

/** Uploads files as one multipart request (field `files`), the way a browser's FormData does. */
export async function upload(t: TestServer, token: string, conversationId: string, files: UploadSpec[]): Promise<UploadResponse> {
  const form = new FormData();
  for (const file of files) {
    const blob = 'path' in file ? await openAsBlob(file.path) : new Blob([file.bytes]);
    form.append('files', blob, file.name);
  }
  const response = await fetch(`${t.url}/api/conversations/${conversationId}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** GET of an attachment URL (relative, as the server hands them out), optionally with a bearer token and headers. */
export async function download(t: TestServer, url: string, init: { token?: string; headers?: Record<string, string> } = {}) {
  const response = await fetch(new URL(url, t.url), {
    headers: { ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...init.headers },
  });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}
