import { parseArgs } from 'node:util';
import { RoleSchema } from '@parley/protocol';
import { ConfigError, loadConfig, readEnvironment, type Config } from './config.js';
import { BackupError, backupSqlite, describeBackup } from './db/backup.js';
import { createLogger } from './logger.js';
import { openMigrated, startServer } from './main.js';
import { createTokenKeys } from './modules/identity/token-keys.js';

const USAGE = `Usage: parley <command> [options]

Commands:
  start                 Start the server with the configuration from the environment (and .env).
  demo                  Start with the demo workspace: PARLEY_DEV_AUTH=1 and PARLEY_DEMO=1 unless set.
  migrate               Bring the database schema up to date, then exit.
  backup FILE [--force] Copy the SQLite database to FILE while the server runs (online backup). Refuses an
                        existing FILE unless --force. PostgreSQL: use pg_dump (docs/deploy.md).
  token --user ID --role ROLE [--name NAME] [--email E] [--agency ID] [--ttl SECONDS]
                        Print an HS256 token signed with PARLEY_JWT_SECRET (default ttl 3600 s).`;

/** Settings `parley demo` applies when the environment does not set them. */
const DEMO_DEFAULTS = { PARLEY_DEV_AUTH: '1', PARLEY_DEMO: '1' } as const;

async function serve(config: Config): Promise<void> {
  const logger = createLogger(config);
  const server = await startServer(config, logger);
  logger.info(`Parley is listening on ${server.url} (API docs: ${server.url}/api/docs)`);
  if (config.devAuth) {
    logger.info(`Development sign-in is on: curl -X POST ${server.url}/api/dev/token -H 'content-type: application/json' -d '{"userId":"client-alice"}'`);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: shutting down`);
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

async function migrate(config: Config): Promise<void> {
  const { database, applied } = await openMigrated(config, createLogger(config));
  await database.destroy();
  console.log(applied.length === 0 ? 'The schema is up to date.' : applied.map((name) => `applied: ${name}`).join('\n'));
}

async function backup(config: Config, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { force: { type: 'boolean', default: false } } });
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) throw new BackupError('backup needs one FILE: parley backup FILE [--force]');
  console.log(describeBackup(await backupSqlite(config.databaseUrl, file, { force: values.force })));
}

async function token(config: Config, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { user: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, email: { type: 'string' }, agency: { type: 'string' }, ttl: { type: 'string', default: '3600' } },
  });
  const role = RoleSchema.safeParse(values.role);
  const ttl = Number(values.ttl);
  if (!values.user || !role.success || !Number.isInteger(ttl) || ttl <= 0) throw new ConfigError(`token needs --user ID and --role (${RoleSchema.options.join(', ')}), and a positive --ttl`);
  if (!config.jwtSecret) throw new ConfigError('Missing setting PARLEY_JWT_SECRET: parley token signs with it');
  const claims = {
    sub: values.user,
    role: role.data,
    ...(values.name ? { name: values.name } : {}),
    ...(values.email ? { email: values.email } : {}),
    ...(values.agency ? { agencyId: values.agency } : {}),
  };
  console.log(await createTokenKeys(config).sign(claims, ttl));
}

async function run(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start':
      return serve(loadConfig());
    case 'demo':
      return serve(loadConfig({ ...DEMO_DEFAULTS, ...readEnvironment() }));
    case 'migrate':
      return migrate(loadConfig(readEnvironment(), { requireAuth: false }));
    case 'backup':
      return backup(loadConfig(readEnvironment(), { requireAuth: false }), rest);
    case 'token':
      return token(loadConfig(), rest);
    default:
      console.log(USAGE);
      if (command !== undefined && command !== 'help' && command !== '--help') process.exitCode = 2;
  }
}

run(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`parley: ${error instanceof ConfigError || error instanceof BackupError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
