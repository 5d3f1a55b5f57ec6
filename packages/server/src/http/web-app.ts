import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** True for paths the web app must never shadow: the API and Socket.IO. */
const isServerPath = (url: string) => url.startsWith('/api/') || url === '/api' || url.startsWith('/socket.io');

/**
 * Serves the built web app from `webDir` at `/` (@fastify/static), with the SPA fallback: any other GET
 * that accepts HTML answers `index.html`, so `/c/<id>` can be opened by URL. Hashed assets are cached for
 * a year; `index.html` never. Does nothing when `webDir` has no `index.html` (the API still works).
 * Returns whether the app is served.
 */
export async function registerWebApp(app: FastifyInstance, webDir: string): Promise<boolean> {
  if (!existsSync(join(webDir, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: webDir,
    wildcard: false,
    setHeaders: (reply, path) => {
      void reply.header('cache-control', path.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
    },
  });
  return true;
}

/** Whether a request that matched no route should get the web app's `index.html` (SPA fallback). */
export function wantsWebApp(method: string, url: string, accept: string | undefined): boolean {
  return method === 'GET' && !isServerPath(url) && (accept ?? '').includes('text/html');
}
