// Bounds on what one device report may hold. A real PC reports a few hundred device nodes with
// a handful of IDs each; these limits leave ample room for that while keeping one report's cost
// to validate, store and rank bounded.

export const MAX_DEVICE_NODES = 2000;
export const MAX_HARDWARE_IDS = 64;
export const MAX_COMPATIBLE_IDS = 64;
export const MAX_EXTENSION_DRIVERS = 32;
export const MAX_COMPUTER_HARDWARE_IDS = 64;
export const MAX_ID_LENGTH = 400;
export const MAX_INSTANCE_ID_LENGTH = 512;
export const MAX_NAME_LENGTH = 256;

/** Largest JSON text accepted for one report (one line of a JSON Lines file). */
export const MAX_REPORT_JSON_LENGTH = 8 * 1024 * 1024;

/** Validation stops collecting errors past this many, so a hostile report cannot flood a reply. */
export const MAX_REPORTED_ERRORS = 100;
