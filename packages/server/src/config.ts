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
  /** Largest uploaded file, in bytes (issue 6; default 10 MiB). */
  PARLEY_MAX_FILE_BYTES: z.coerce.number().int().min(1).default(10 * 1024 * 1024),
  /** Most files per upload request and per message (issue 6; default 5; the wire allows at most 10). */
  PARLEY_MAX_FILES: z.coerce.number().int().min(1).max(10).default(5),
  /** Lifetime of signed attachment URLs, in seconds (issue 6: at most 15 minutes). */
  PARLEY_ATTACHMENT_URL_TTL_S: z.coerce.number().int().min(30).max(900).default(900),
  /** Secret for signed attachment URLs (≥ 32 characters); default: derived from PARLEY_JWT_SECRET, else random per process. */
  PARLEY_URL_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Uploads never attached to a message are removed after this many seconds (default 24 h). */
  PARLEY_UNCLAIMED_UPLOAD_TTL_S: z.coerce.number().int().min(60).default(24 * 3600),
  /** ffmpeg for video posters (Debian's `ffmpeg` package); empty turns it off. */
  PARLEY_FFMPEG_PATH: z.string().default('ffmpeg'),
  /** ffprobe for video and audio durations and dimensions; empty turns it off. */
  PARLEY_FFPROBE_PATH: z.string().default('ffprobe'),
  /** S3-compatible bucket for attachments; unset keeps them on local disk under PARLEY_DATA_DIR/attachments. */
  PARLEY_S3_BUCKET: z.string().min(3).optional(),
  /** S3 endpoint URL for S3-compatible stores (MinIO, R2, …); unset: AWS. */
  PARLEY_S3_ENDPOINT: z.url().optional(),
  /** S3 region. */
  PARLEY_S3_REGION: z.string().min(1).default('us-east-1'),
  /** S3 credentials; unset: the AWS SDK's default chain (environment, profile, instance role). */
  PARLEY_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  PARLEY_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Path-style bucket addressing (default: on when PARLEY_S3_ENDPOINT is set, as most S3-compatible stores need). */
  PARLEY_S3_FORCE_PATH_STYLE: flag.optional(),
  /** Agora project credentials for meeting tokens (issue 7): 32 hex characters each. The certificate never leaves the server. */
  PARLEY_AGORA_APP_ID: z.string().regex(/^[0-9a-f]{32}$/i, 'must be 32 hex characters').optional(),
  PARLEY_AGORA_APP_CERTIFICATE: z.string().regex(/^[0-9a-f]{32}$/i, 'must be 32 hex characters').optional(),
  /** A self-hosted LiveKit server for meetings: its WebSocket URL, API key and secret. */
  PARLEY_LIVEKIT_URL: z.string().regex(/^wss?:\/\//, 'expected ws:// or wss://').optional(),
  PARLEY_LIVEKIT_API_KEY: z.string().min(1).optional(),
  PARLEY_LIVEKIT_API_SECRET: z.string().min(1).optional(),
  /** Which provider new meetings use when both are configured (default: agora). */
  PARLEY_MEETING_PROVIDER: z.enum(['agora', 'livekit']).optional(),
  /** How often meeting reminders and missed meetings are looked for, in ms. */
  PARLEY_MEETING_CLOCK_MS: z.coerce.number().int().min(100).default(15_000),
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
  readonly attachments: AttachmentSettings;
  readonly meetings: MeetingSettings;
  readonly logLevel: z.infer<typeof EnvSchema>['PARLEY_LOG_LEVEL'];
}

/** Uploads, their processing, storage and delivery (issue 6). Sizes in bytes, durations in seconds. */
export interface AttachmentSettings {
  readonly maxFileBytes: number;
  readonly maxFiles: number;
  readonly urlTtlS: number;
  /** Explicit URL-signing secret; when undefined the server derives one (see PARLEY_URL_SECRET). */
  readonly urlSecret: string | undefined;
  readonly unclaimedTtlS: number;
  readonly ffmpegPath: string | null;
  readonly ffprobePath: string | null;
  readonly s3: S3Settings | null;
}

/** Media providers for meetings (issue 7); null where not configured. */
export interface MeetingSettings {
  readonly preferred: 'agora' | 'livekit' | undefined;
  readonly agora: { readonly appId: string; readonly appCertificate: string } | null;
  readonly livekit: { readonly url: string; readonly apiKey: string; readonly apiSecret: string } | null;
  /** Period of the meeting clock (reminders, missed meetings), in ms. */
  readonly clockMs: number;
}

/** An S3-compatible bucket (PARLEY_S3_*). */
export interface S3Settings {
  readonly bucket: string;
  readonly endpoint: string | undefined;
  readonly region: string;
  readonly accessKeyId: string | undefined;
  readonly secretAccessKey: string | undefined;
  readonly forcePathStyle: boolean;
}

/** Settings whose values are secrets: never printed. */
const SECRET_SETTING = /SECRET|CERTIFICATE|ACCESS_KEY/;

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
    // Secrets (the token secret, the Agora certificate, API secrets) are never echoed, not even malformed.
    const shown = SECRET_SETTING.test(setting) ? '(value hidden)' : `(got ${JSON.stringify(env[setting] ?? null)})`;
    throw new ConfigError(`Invalid setting ${setting}: ${issue?.message ?? 'invalid'} ${shown}`);
  }
  const e = parsed.data;
  if ((options.requireAuth ?? true) && !e.PARLEY_JWT_SECRET && !e.PARLEY_JWKS_URL && !e.PARLEY_DEV_AUTH) {
    throw new ConfigError('Missing setting PARLEY_JWT_SECRET: required unless PARLEY_DEV_AUTH=1 (or PARLEY_JWKS_URL is set)');
  }
  if (Boolean(e.PARLEY_AGORA_APP_ID) !== Boolean(e.PARLEY_AGORA_APP_CERTIFICATE)) {
    throw new ConfigError('Incomplete setting PARLEY_AGORA_APP_CERTIFICATE: give both PARLEY_AGORA_APP_ID and PARLEY_AGORA_APP_CERTIFICATE, or neither');
  }
  const livekitParts = [e.PARLEY_LIVEKIT_URL, e.PARLEY_LIVEKIT_API_KEY, e.PARLEY_LIVEKIT_API_SECRET].filter(Boolean).length;
  if (livekitParts !== 0 && livekitParts !== 3) {
    throw new ConfigError('Incomplete setting PARLEY_LIVEKIT_URL: give PARLEY_LIVEKIT_URL, PARLEY_LIVEKIT_API_KEY and PARLEY_LIVEKIT_API_SECRET, or none');
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
    attachments: Object.freeze({
      maxFileBytes: e.PARLEY_MAX_FILE_BYTES,
      maxFiles: e.PARLEY_MAX_FILES,
      urlTtlS: e.PARLEY_ATTACHMENT_URL_TTL_S,
      urlSecret: e.PARLEY_URL_SECRET,
      unclaimedTtlS: e.PARLEY_UNCLAIMED_UPLOAD_TTL_S,
      ffmpegPath: e.PARLEY_FFMPEG_PATH || null,
      ffprobePath: e.PARLEY_FFPROBE_PATH || null,
      s3: e.PARLEY_S3_BUCKET
        ? Object.freeze({
            bucket: e.PARLEY_S3_BUCKET,
            endpoint: e.PARLEY_S3_ENDPOINT,
            region: e.PARLEY_S3_REGION,
            accessKeyId: e.PARLEY_S3_ACCESS_KEY_ID,
            secretAccessKey: e.PARLEY_S3_SECRET_ACCESS_KEY,
            forcePathStyle: e.PARLEY_S3_FORCE_PATH_STYLE ?? e.PARLEY_S3_ENDPOINT !== undefined,
          })
        : null,
    }),
    meetings: Object.freeze({
      preferred: e.PARLEY_MEETING_PROVIDER,
      agora: e.PARLEY_AGORA_APP_ID && e.PARLEY_AGORA_APP_CERTIFICATE ? Object.freeze({ appId: e.PARLEY_AGORA_APP_ID, appCertificate: e.PARLEY_AGORA_APP_CERTIFICATE }) : null,
      livekit:
        e.PARLEY_LIVEKIT_URL && e.PARLEY_LIVEKIT_API_KEY && e.PARLEY_LIVEKIT_API_SECRET
          ? Object.freeze({ url: e.PARLEY_LIVEKIT_URL, apiKey: e.PARLEY_LIVEKIT_API_KEY, apiSecret: e.PARLEY_LIVEKIT_API_SECRET })
          : null,
      clockMs: e.PARLEY_MEETING_CLOCK_MS,
    }),
    logLevel: e.PARLEY_LOG_LEVEL,
  });
}

/** `process.env` completed by `./.env` (Node's `util.parseEnv` format); keys the environment sets win. */
export function readEnvironment(): Record<string, string | undefined> {
  if (!existsSync('.env')) return process.env;
  return { ...parseEnv(readFileSync('.env', 'utf8')), ...process.env };
}
