// Options that several commands take, defined once so their names, help and environment
// variables cannot drift apart.
import { InvalidArgumentError, type Option } from 'commander';
import { isDatabaseSetting } from '../store/open-store.js';
import { envOption } from './env-option.js';

export function databaseOption(): Option {
  return envOption(
    '--database <url>',
    'sqlite:PATH or postgres://... instead of the data folder',
    'DATABASE',
  ).argParser(parseDatabaseSetting);
}

function parseDatabaseSetting(value: string): string {
  if (!isDatabaseSetting(value)) {
    throw new InvalidArgumentError('Expected sqlite:PATH, :memory: or postgres://...');
  }

  return value;
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
