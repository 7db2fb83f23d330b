import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config/serve-settings.js';

/** Structured JSON logs; credentials are redacted wherever they might appear in a logged object. */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'drivergraph' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [
          'authorization',
          'token',
          'secret',
          'clientSecret',
          '*.authorization',
          'headers.authorization',
          'req.headers.authorization',
          '*.token',
          '*.secret',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
