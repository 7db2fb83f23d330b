// The version this build was released as. package.json is one folder up from both src/ and
// dist/, so the same path serves the sources and the build.
import { createRequire } from 'node:module';

const packageJson = createRequire(import.meta.url)('../package.json') as { version: string };

export const drivergraphVersion = packageJson.version;
