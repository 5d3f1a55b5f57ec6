import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';
import { z } from 'zod';

const flag = z.enum(['0', '1', 'true', 'false']).transform((value) => value === '1' || value === 'true');

/**
 * Every setting Parley reads, from the environment (contract § Running it). This file is the only
 * place that reads `process.env`; the rest of the server receives the parsed, frozen {@link Config}.
 */
const EnvSchema = z.object({
  /** TCP port for HTTP and Socket.IO. */
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  /** Interface to listen on. */
  HOST: z.string().min(1).default('0.0.0.0'),
  /** `sqlite:<path>`, `sqlite::memory:` or `postgres://…`; default `sqlite:<PARLEY_DATA_DIR>/parley.db`. */
  PARLEY_DATABASE_URL: z
    .string()
    .regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, 'expected sqlite:<path>, sqlite::memory: or postgres://…')
    .optional(),
  /** Redis for scale-out across processes; unset runs one process. */
  PARLEY_REDIS_URL: z.string().regex(/^rediss?:\/\//, 'expected redis://…').optional(),
  /** HS256 secret shared with the marketplace; at least 32 characters (RFC 7518 § 3.2 wants 256 bits). */
  PARLEY_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** JWKS URL for RS256/ES256 tokens, as an alternative or complement to the shared secret. */
  PARLEY_JWKS_URL: z.url().optional(),
  /** `1` enables `POST /api/dev/token` (development only). */
  PARLEY_DEV_AUTH: flag.default(false),
  /** `1` seeds the demo workspace into an empty database at start. */
  PARLEY_DEMO: flag.default(false),
  /** Where files live (the default SQLite database included). */
  PARLEY_DATA_DIR: z.string().min(1).default('./data'),
  /** Per-user message sends per second; `0` turns the limit off. */
  PARLEY_SEND_RATE: z.coerce.number().min(0).default(10),
  /** Per-user burst of message sends allowed above the rate. */
  PARLEY_SEND_BURST: z.coerce.number().int().min(1).default(20),
  /** How long after sending a sender may edit a message, in seconds (default 15 minutes); 0: no limit. */
  PARLEY_EDIT_WINDOW_S: z.coerce.number().int().min(0).default(900),
  /** The built web app served at `/`; default: this repository's `packages/web/dist`. */
  PARLEY_WEB_DIR: z.string().min(1).default(fileURLToPath(new URL('../../web/dist/', import.meta.url))),
  /** pino log level. */
  PARLEY_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Parley's configuration, parsed once and frozen. Rates are per second; the secret is UTF-8 text. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string;
  readonly redisUrl: string | undefined;
  readonly jwtSecret: string | undefined;
  readonly jwksUrl: string | undefined;
  readonly devAuth: boolean;
  readonly demo: boolean;
  readonly dataDir: string;
  readonly sendRate: number;
  readonly sendBurst: number;
  /** How long after sending a message may be edited, in ms; 0: no limit. */
  readonly editWindowMs: number;
  readonly webDir: string;
  readonly logLevel: z.infer<typeof EnvSchema>['PARLEY_LOG_LEVEL'];
}

/** A setting that stops start-up; its message is one line naming the setting. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Parses the settings from `env` (default: {@link readEnvironment}). Throws {@link ConfigError} naming
 * the first bad setting. `requireAuth: false` (for `parley migrate`) accepts a missing token secret.
 */
export function loadConfig(env: Record<string, string | undefined> = readEnvironment(), options: { requireAuth?: boolean } = {}): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const setting = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(`Invalid setting ${setting}: ${issue?.message ?? 'invalid'} (got ${JSON.stringify(env[setting] ?? null)})`);
  }
  const e = parsed.data;
  if ((options.requireAuth ?? true) && !e.PARLEY_JWT_SECRET && !e.PARLEY_JWKS_URL && !e.PARLEY_DEV_AUTH) {
    throw new ConfigError('Missing setting PARLEY_JWT_SECRET: required unless PARLEY_DEV_AUTH=1 (or PARLEY_JWKS_URL is set)');
  }
  if (e.PARLEY_REDIS_URL) {
    throw new ConfigError('Unsupported setting PARLEY_REDIS_URL: scale-out across processes is not available in this version; unset it');
  }
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.PARLEY_DATABASE_URL ?? `sqlite:${e.PARLEY_DATA_DIR.replace(/\/+$/, '')}/parley.db`,
    redisUrl: e.PARLEY_REDIS_URL,
    jwtSecret: e.PARLEY_JWT_SECRET,
    jwksUrl: e.PARLEY_JWKS_URL,
    devAuth: e.PARLEY_DEV_AUTH,
    demo: e.PARLEY_DEMO,
    dataDir: e.PARLEY_DATA_DIR,
    sendRate: e.PARLEY_SEND_RATE,
    sendBurst: e.PARLEY_SEND_BURST,
    editWindowMs: e.PARLEY_EDIT_WINDOW_S * 1000,
    webDir: e.PARLEY_WEB_DIR,
    logLevel: e.PARLEY_LOG_LEVEL,
  });
}

/** `process.env` completed by `./.env` (Node's `util.parseEnv` format); keys the environment sets win. */
export function readEnvironment(): Record<string, string | undefined> {
  if (!existsSync('.env')) return process.env;
  return { ...parseEnv(readFileSync('.env', 'utf8')), ...process.env };
}
