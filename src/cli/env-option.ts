import { Option } from 'commander';

/** A flag that `DRIVERGRAPH_<name>` also sets; the flag wins when both are given. */
export function envOption(flags: string, description: string, name: string): Option {
  return new Option(flags, description).env(`DRIVERGRAPH_${name}`);
}
