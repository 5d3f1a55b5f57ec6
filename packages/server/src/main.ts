import type { Logger } from 'pino';
import { buildApp, type ParleyApp } from './app.js';
import { ConfigError, type Config } from './config.js';
import { openDatabase, withStartupLock, type DatabaseHandle } from './db/database.js';
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
 * `/api/health` answers only once all of that is done. A database that cannot be opened or migrated,
 * or an address that cannot be listened on, throws {@link ConfigError} naming the setting
 * (contract § Running it: one line naming the setting); the full error goes to `logger` first.
 */
export async function startServer(config: Config, logger: Logger = createLogger(config)): Promise<RunningServer> {
  const { database } = await openMigrated(config, logger);
  let app: ParleyApp | undefined;
  try {
    if (config.demo && (await withStartupLock(database, 'parley-demo-seed', seedDemo))) logger.info('seeded the demo workspace');
    app = await buildApp(config, { database, logger });
    await listen(app, config, logger);
    const address = app.http.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
    const running = app;
    return {
      url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
      port,
      app: running,
      database,
      async stop() {
        await running.close();
        await database.destroy();
      },
    };
  } catch (error) {
    await app?.close();
    await database.destroy();
    throw error;
  }
}

/**
 * Opens and migrates `config.databaseUrl`, returning the database and the names of the migrations it
 * applied. Any failure becomes a {@link ConfigError} naming PARLEY_DATABASE_URL. Idle PostgreSQL
 * connection failures are logged as warnings (the pool reconnects on the next query).
 */
export async function openMigrated(config: Pick<Config, 'databaseUrl'>, logger: Logger): Promise<{ database: DatabaseHandle; applied: string[] }> {
  let database: DatabaseHandle | undefined;
  try {
    database = openDatabase(config.databaseUrl, {
      onIdleConnectionError: (error) => logger.warn({ err: error }, 'an idle PostgreSQL connection failed'),
    });
    const { results = [] } = await migrateToLatest(database.db);
    return { database, applied: results.map((result) => result.migrationName) };
  } catch (error) {
    await database?.destroy().catch(() => undefined);
    logger.error({ err: error }, 'cannot open or migrate the database');
    throw new ConfigError(`Cannot use PARLEY_DATABASE_URL=${redactUrl(config.databaseUrl)}: ${oneLine(error)}`, { cause: error });
  }
}

/** `app.http.listen` on the configured address; a failure (port in use, unknown host) becomes a {@link ConfigError}. */
async function listen(app: ParleyApp, config: Config, logger: Logger): Promise<void> {
  try {
    await app.http.listen({ port: config.port, host: config.host });
  } catch (error) {
    logger.error({ err: error }, 'cannot listen');
    throw new ConfigError(`Cannot listen on HOST=${config.host} PORT=${config.port}: ${oneLine(error)}`, { cause: error });
  }
}

/** An error's message on one line; for an empty message (Node's AggregateError for a refused connection), its inner errors' or its code. */
function oneLine(error: unknown): string {
  const describe = (value: unknown): string => {
    if (!(value instanceof Error)) return String(value);
    if (value.message) return value.message;
    if (value instanceof AggregateError) return value.errors.map(describe).join('; ');
    return 'code' in value ? String(value.code) : value.name;
  };
  return describe(error).replace(/\s*\n\s*/g, ' ') || 'unknown error';
}

/** `url` with any password masked, so credentials never reach a terminal or a log. */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.password) return url;
    parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}
