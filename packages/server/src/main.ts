import type { Logger } from 'pino';
import { buildApp, type ParleyApp } from './app.js';
import type { Config } from './config.js';
import { openDatabase, type DatabaseHandle } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { seedDemo } from './demo/seed.js';
import { createLogger } from './logger.js';

/** A listening Parley server. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:3000`. */
  readonly url: string;
  readonly port: number;
  readonly app: ParleyApp;
  readonly database: DatabaseHandle;
  /** Graceful stop: sockets, HTTP, then the database. */
  stop(): Promise<void>;
}

/**
 * Opens the database, migrates it, seeds the demo workspace into an empty database when
 * `config.demo`, builds the app and listens on `config.host:config.port` (port 0 picks a free one).
 * `/api/health` answers only once all of that is done.
 */
export async function startServer(config: Config, logger: Logger = createLogger(config)): Promise<RunningServer> {
  const database = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(database.db);
    if (config.demo && (await seedDemo(database.db))) logger.info('seeded the demo workspace');
    const app = await buildApp(config, { database, logger });
    await app.http.listen({ port: config.port, host: config.host });
    const address = app.http.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
    return {
      url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
      port,
      app,
      database,
      async stop() {
        await app.close();
        await database.destroy();
      },
    };
  } catch (error) {
    await database.destroy();
    throw error;
  }
}
