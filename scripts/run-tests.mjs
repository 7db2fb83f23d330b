// Finds every *.test.ts under test/ and src/ and hands them to node's test runner through tsx,
// because Node 20's runner does not expand glob patterns itself.
//
// The suites that open a store (through test/support/test-store.ts or test/support/service.ts,
// directly or through a fixture) run on SQLite first. When DRIVERGRAPH_TEST_POSTGRES names a
// PostgreSQL server, they run a second time against it, each store in a fresh database. Beside
// the spec reporter, scripts/file-exit-reporter.mjs says how a test file's process ended when it
// died without a failing test to show for it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

function findTests(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...findTests(path));
    else if (name.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

const fileExitReporter = resolve('scripts/file-exit-reporter.mjs');
const storeSupport = [resolve('test/support/test-store.ts'), resolve('test/support/service.ts')];

// Relative imports and re-exports that load a module; `import type` loads nothing at run time.
const valueImport = /^(?:import|export)\s+(?!type\s)[^;]*?from\s+'(\.{1,2}\/[^']+)'/gms;

/** True when the file, or a relative import of it at any depth, is one of the store supports. */
function opensStore(file, seen = new Set()) {
  const path = resolve(file);
  if (storeSupport.includes(path)) return true;
  if (seen.has(path) || !existsSync(path)) return false;
  seen.add(path);

  const source = readFileSync(path, 'utf8');
  const imports = [...source.matchAll(valueImport)].map((m) => m[1]);
  return imports.some((spec) =>
    opensStore(join(dirname(path), spec.replace(/\.js$/, '.ts')), seen),
  );
}

function run(files, env) {
  if (files.length === 0) return 0;
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-concurrency=2',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      `--test-reporter=${fileExitReporter}`,
      '--test-reporter-destination=stdout',
      ...files,
    ],
    { stdio: 'inherit', env: { ...process.env, ...env } },
  );
  return result.status ?? 1;
}

const filters = process.argv.slice(2);
const files = ['src', 'test']
  .flatMap((dir) => findTests(dir))
  .filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)))
  .sort();

const postgres = process.env.DRIVERGRAPH_TEST_POSTGRES;
const backendSuites = files.filter((file) => opensStore(file));

console.log(`\n# ${files.length} test files on SQLite\n`);
const sqliteStatus = run(files, { DRIVERGRAPH_TEST_DATABASE: '' });

let postgresStatus = 0;
if (!postgres) {
  console.log(
    `\n# PostgreSQL run skipped: DRIVERGRAPH_TEST_POSTGRES is not set (e.g. ` +
      `postgres://postgres@127.0.0.1:5432/postgres); ${backendSuites.length} store and Graph ` +
      `test files ran on SQLite only\n`,
  );
} else {
  console.log(`\n# ${backendSuites.length} store and Graph test files on PostgreSQL\n`);
  postgresStatus = run(backendSuites, { DRIVERGRAPH_TEST_DATABASE: postgres });
}

process.exit(sqliteStatus !== 0 ? sqliteStatus : postgresStatus);
