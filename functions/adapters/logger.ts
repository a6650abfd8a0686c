/**
 * The one logger every handler uses: one JSON object per line on stdout, which CloudWatch Logs
 * (and the local runner) keep as is. Fields given to `child()` are repeated on every line.
 */
import { describeError } from './errors.ts';

export type LogFields = Readonly<Record<string, unknown>>;
type Level = 'debug' | 'info' | 'warn' | 'error';

const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type Logger = {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields & { error?: unknown }): void;
  child(fields: LogFields): Logger;
};

/** `LOG_LEVEL` (debug|info|warn|error, default info) is read once here, at cold start. */
export function createLogger(service: string, base: LogFields = {}, level: Level = levelFromEnv()): Logger {
  const write = (at: Level, message: string, fields: LogFields = {}): void => {
    if (ORDER[at] < ORDER[level]) return;
    const { error, ...rest } = fields as LogFields & { error?: unknown };
    const line = { level: at, time: new Date().toISOString(), service, message, ...base, ...rest, ...(error === undefined ? {} : { error: describeError(error) }) };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (fields) => createLogger(service, { ...base, ...fields }, level),
  };
}

function levelFromEnv(): Level {
  const value = process.env.LOG_LEVEL?.toLowerCase();
  return value === 'debug' || value === 'warn' || value === 'error' ? value : 'info';
}
