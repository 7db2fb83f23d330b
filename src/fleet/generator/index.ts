export { createFleet } from './create-fleet.js';
export type { Fleet, FleetGroups, FleetOptions } from './create-fleet.js';
export type { GeneratedPackage } from './generated-package.js';
export type { HardwareModel, ModelPart } from './hardware-models.js';
export { parseIdDatabase } from './parse-id-database.js';
export type { IdDatabase, IdVendor } from './parse-id-database.js';
export { SeededRandom, mixSeed } from './seeded-random.js';
