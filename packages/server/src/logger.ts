import pino, { type Logger } from 'pino';
import type { Config } from './config.js';

/** The process logger (pino, JSON lines); pretty-printed through pino-pretty when stdout is a terminal. */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    ...(process.stdout.isTTY ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } } : {}),
  });
}
