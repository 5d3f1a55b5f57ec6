import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, Role, ServerToClientEvents } from '@parley/protocol';
import { loadConfig } from '../../src/config.js';
import { startServer, type RunningServer } from '../../src/main.js';
import { createTokenKeys } from '../../src/modules/identity/token-keys.js';
import { createTestDatabase, type TestDatabase } from './databases.js';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The HS256 secret every test server shares (32+ characters). */
export const TEST_SECRET = 'parley-test-secret-0123456789abcdef';

/** A running test server on a random port, with helpers to sign in, call the API and open sockets. */
export interface TestServer {
  readonly url: string;
  readonly server: RunningServer;
  readonly database: TestDatabase;
  /** Signs a token for a user (created on first sight); `ttlSeconds` may be negative for an expired token. */
  token(user: TestUserSpec, ttlSeconds?: number): Promise<string>;
  /** A `fetch` against `/api…` with the token as bearer; JSON body in and out. */
  api(token: string | null, method: string, path: string, body?: unknown): Promise<ApiResponse>;
  /** A connected Socket.IO client (rejects with the `connect_error` when the handshake fails). */
  connect(token: string): Promise<TestSocket>;
  /** The server's PARLEY_DATA_DIR (a fresh temporary directory unless `env` names one). */
  readonly dataDir: string;
  /** Stops the server, closes sockets opened through `connect`, drops the database and removes the data directory. */
  close(): Promise<void>;
}

export interface TestUserSpec {
  id: string;
  role: Role;
  name?: string;
  agencyId?: string;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  // Tests read whatever the contract says the body holds.
  body: any;
}

/**
 * Starts a real Parley server (real database, real Socket.IO) on 127.0.0.1 with a random port.
 * `env` overrides settings, e.g. `{ PARLEY_SEND_RATE: '0' }`; `logLines` receives every log line (trace level).
 */
export async function startTestServer(
  opts: { dialect?: 'sqlite' | 'postgres'; dir?: string; env?: Record<string, string>; logLines?: string[] } = {},
): Promise<TestServer> {
  const database = await createTestDatabase(opts.dialect ?? 'sqlite', opts.dir);
  const dataDir = await mkdtemp(join(tmpdir(), 'parley-data-'));
  const config = loadConfig({
    PARLEY_DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    PARLEY_DATABASE_URL: database.url,
    PARLEY_JWT_SECRET: TEST_SECRET,
    PARLEY_SEND_RATE: '0',
    PARLEY_LOG_LEVEL: 'silent',
    ...opts.env,
  });
  // `logLines` collects every log line at trace level (to check what the server writes); otherwise logs stay silent.
  const logger = opts.logLines
    ? pino({ level: 'trace' }, { write: (line: string) => void opts.logLines?.push(line) })
    : pino({ level: process.env.PARLEY_TEST_LOG_LEVEL ?? 'silent' });
  const server = await startServer(config, logger);
  const keys = createTokenKeys(config);
  const sockets: TestSocket[] = [];

  return {
    url: server.url,
    dataDir: config.dataDir,
    server,
    database,
    token: (user, ttlSeconds = 3600) =>
      keys.sign({ sub: user.id, role: user.role, name: user.name ?? user.id, ...(user.agencyId ? { agencyId: user.agencyId } : {}) }, ttlSeconds),
    async api(token, method, path, body) {
      const response = await fetch(`${server.url}/api${path}`, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
    },
    connect(token) {
      const socket: TestSocket = io(server.url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.push(socket);
      return new Promise((resolve, reject) => {
        socket.once('connect', () => resolve(socket));
        socket.once('connect_error', (error) => reject(error));
      });
    },
    async close() {
      for (const socket of sockets) socket.disconnect();
      await server.stop();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
