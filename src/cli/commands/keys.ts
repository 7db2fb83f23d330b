import { Option } from 'commander';
import type { Command } from 'commander';
import { CLOCK_SKEW_SECONDS, rotateSigningKeys } from '../../identity/index.js';

/** `drivergraph keys rotate`: a new signing key, the old one kept until its tokens expire. */
export function registerKeysCommand(program: Command): void {
  const keys = program.command('keys').description("Manage the built-in issuer's signing keys");

  keys
    .command('rotate')
    .description('Sign with a new key; keep the old public key until its tokens have expired')
    .addOption(
      new Option('--data <folder>', 'data folder of the server')
        .env('DRIVERGRAPH_DATA')
        .default('./data'),
    )
    .action(async (options: { data: string }) => {
      const now = new Date();
      const ring = await rotateSigningKeys(options.data, { now });
      const lines = ring.published.map((key) =>
        key.kid === ring.active.kid
          ? `active   ${key.kid}`
          : `retiring ${key.kid} (published until ${key.retireAfter?.toISOString()})`,
      );

      process.stdout.write(`${lines.join('\n')}\n`);
      console.error(
        `Running servers pick up the new key by themselves. Old keys stay published for the ` +
          `longest token lifetime plus ${CLOCK_SKEW_SECONDS / 60} minutes of clock skew.`,
      );
    });
}
