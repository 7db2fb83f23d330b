import type { PublishingKind } from '../../catalog/types.js';

/** One driver package of a generated catalog: the INF text and the names of its other files. */
export interface GeneratedPackage {
  readonly infName: string;
  /** A folder name unique within the catalog, since many versions share one INF name. */
  readonly directory: string;
  readonly text: string;
  readonly publishing: PublishingKind;
  /** Braced computer hardware IDs the package is limited to; empty for none. */
  readonly chids: readonly string[];
  /** Files beside the INF that it names: the security catalog and the payload. */
  readonly files: readonly string[];
  readonly kind: 'driver' | 'extension' | 'firmware' | 'filler';
}
