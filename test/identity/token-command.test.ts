import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { Command, CommanderError } from 'commander';
import { registerTokenCommand } from '../../src/cli/commands/token.js';
import {
  createTokenVerifier,
  DEVICE_MANAGEMENT_CONFIGURATION_READ_WRITE_ALL,
  loadOrCreateSigningKeys,
} from '../../src/identity/index.js';
import { tenantId } from './token-fixtures.js';

const run = promisify(execFile);
const repository = fileURLToPath(new URL('../..', import.meta.url));
let dataDir: string;

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'drivergraph-token-cli-'));
});

after(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function cleanEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('DRIVERGRAPH_')),
  );

  return { ...env, ...extra };
}

async function drivergraph(args: string[], env: Record<string, string> = {}) {
  return run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: repository,
    env: cleanEnvironment(env),
  });
}

describe('drivergraph token', () => {
  test('prints only a token that the server verifies, ReadWrite.All by default', async () => {
    const { stdout } = await drivergraph([
      'token',
      '--tenant',
      tenantId,
      '--user',
      'pat@contoso.example',
      '--data',
      dataDir,
    ]);
    const lines = stdout.split('\n').filter((line) => line !== '');
    const ring = await loadOrCreateSigningKeys(dataDir);
    const verifier = createTokenVerifier({ ring, publicUrl: 'http://127.0.0.1:8080' });
    const principal = await verifier.verify(`Bearer ${lines[0]}`);

    assert.equal(lines.length, 1);
    assert.equal(principal.user, 'pat@contoso.example');
    assert.deepEqual([...principal.scopes], [DEVICE_MANAGEMENT_CONFIGURATION_READ_WRITE_ALL]);
  });

  test('takes its options from DRIVERGRAPH_ environment variables', async () => {
    const { stdout } = await drivergraph(['token'], {
      DRIVERGRAPH_TENANT: tenantId,
      DRIVERGRAPH_ROLES: 'A.Read,B.Write',
      DRIVERGRAPH_DATA: dataDir,
      DRIVERGRAPH_PUBLIC_URL: 'https://drivers.contoso.example/',
    });
    const ring = await loadOrCreateSigningKeys(dataDir);
    const verifier = createTokenVerifier({ ring, publicUrl: 'https://drivers.contoso.example' });
    const principal = await verifier.verify(`Bearer ${stdout.trim()}`);

    assert.equal(principal.kind, 'application');
    assert.deepEqual([...principal.roles], ['A.Read', 'B.Write']);
  });
});

describe('drivergraph token with bad usage', () => {
  async function usageError(args: string[]): Promise<string> {
    const errors: string[] = [];
    const program = new Command('drivergraph')
      .exitOverride()
      .configureOutput({ writeErr: (text) => errors.push(text), writeOut: () => undefined });
    registerTokenCommand(program);

    await assert.rejects(
      program.parseAsync(['token', '--data', dataDir, ...args], { from: 'user' }),
      (error: unknown) => error instanceof CommanderError && error.exitCode === 2,
    );

    return errors.join('');
  }

  test('exits with 2 when the tenant is missing or not a GUID', async () => {
    assert.match(await usageError([]), /required option '--tenant/);
    assert.match(await usageError(['--tenant', 'contoso']), /Tenant ids are GUIDs/);
  });

  test('exits with 2 when scopes and roles are both given', async () => {
    const message = await usageError(['--tenant', tenantId, '--scopes', 'a', '--roles', 'b']);

    assert.match(message, /cannot be used with/);
  });

  test('exits with 2 when the lifetime is unreadable or longer than a day', async () => {
    assert.match(
      await usageError(['--tenant', tenantId, '--lifetime', 'soon']),
      /invalid lifetime/,
    );
    assert.match(await usageError(['--tenant', tenantId, '--lifetime', '25h']), /maximum of 24h/);
  });
});
