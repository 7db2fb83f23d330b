// Small driver INFs written for the catalog tests, and a folder to put them in.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface InfText {
  readonly provider?: string;
  readonly infClass?: string;
  readonly version?: string;
  readonly date?: string;
  readonly decoration?: string;
  readonly hardwareId?: string;
  readonly catalogFile?: string;
}

/** A driver INF with one model line; `decoration` defaults to `NTamd64`. */
export function driverInf(text: InfText = {}): string {
  const decoration = text.decoration ?? 'NTamd64';

  return [
    '[Version]',
    'Signature="$Windows NT$"',
    `Class=${text.infClass ?? 'Net'}`,
    'ClassGuid={4d36e972-e325-11ce-bfc1-08002be10318}',
    `Provider=${text.provider ?? 'Fabrikam'}`,
    `DriverVer=${text.date ?? '03/15/2024'},${text.version ?? '1.2.3.4'}`,
    ...(text.catalogFile ? [`CatalogFile=${text.catalogFile}`] : []),
    '',
    '[Manufacturer]',
    `Fabrikam=Models,${decoration}`,
    '',
    `[Models.${decoration}]`,
    `"Fabrikam Adapter"=Inst,${text.hardwareId ?? 'PCI\\VEN_ABCD&DEV_0001'},PCI\\CC_0200`,
    '',
    '[Inst.NT]',
    'FeatureScore=0xF0',
    '',
  ].join('\r\n');
}

/** An INF that is not a driver: an autorun file. */
export const autorunInf = '[autorun]\r\nopen=setup.exe\r\nicon=setup.ico\r\n';

export interface TempFolder {
  readonly path: string;
  write(name: string, content: string | Uint8Array): Promise<string>;
  remove(): Promise<void>;
}

export async function tempFolder(): Promise<TempFolder> {
  const path = await mkdtemp(join(tmpdir(), 'drivergraph-catalog-'));

  return {
    path,
    write: async (name, content) => {
      const file = join(path, name);

      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, content);

      return file;
    },
    remove: () => rm(path, { recursive: true, force: true }),
  };
}
