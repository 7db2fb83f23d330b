// Options that `serve` and `worker` both take, defined once so their names, help and
// environment variables cannot drift apart.
import type { Option } from 'commander';
import { envOption } from './env-option.js';

export function databaseOption(): Option {
  return envOption(
    '--database <url>',
    'sqlite:PATH or postgres://... instead of the data folder',
    'DATABASE',
  );
}

export function logLevelOption(): Option {
  return envOption(
    '--log-level <level>',
    'fatal, error, warn, info, debug, trace or silent',
    'LOG_LEVEL',
  ).default('info');
}

export function syncIntervalOption(): Option {
  return envOption(
    '--sync-interval <duration>',
    'how often every profile syncs by itself',
    'SYNC_INTERVAL',
  ).default('24h');
}
