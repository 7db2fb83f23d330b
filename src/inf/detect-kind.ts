import type { InfKind } from './types.js';
import type { SectionIndex } from './index-sections.js';
import type { VersionSection } from './read-version.js';
import { createLineLocator } from './locate-lines.js';

export interface KindFacts {
  readonly index: SectionIndex;
  readonly version: VersionSection;
  readonly modelCount: number;
  readonly manufacturerCount: number;
  readonly ntDecorated: boolean;
}

export interface DetectedKind {
  readonly kind: InfKind;
  readonly reason: string | null;
}

const NT_SECTION = /\.nt(x86|amd64|arm64|arm|ia64)?(\.|$)/;
const WIN9X_SIGNATURES = new Set(['$chicago$', '$windows 95$']);
// Windows 9x loads drivers as VxDs through these registry values; NT has no such loader.
const VXD_LOADER = /\b(devloader|devicevxds)\b/gi;

function hasVxdLoader(text: string): boolean {
  const locate = createLineLocator(text);

  for (const match of text.matchAll(VXD_LOADER)) {
    if (!locate(match.index).inComment) return true;
  }

  return false;
}

// Listing every section name costs more than the text search for a VxD loader on the few
// files that get this far, so the names are looked at only once a Windows 9x sign is found.
function isWindows9x(facts: KindFacts): boolean {
  const { index, version, ntDecorated } = facts;

  if (ntDecorated) return false;
  if (version.catalogFiles.some((catalog) => catalog.platform?.startsWith('nt'))) return false;

  const signature = version.signature?.toLowerCase() ?? '';

  if (!WIN9X_SIGNATURES.has(signature) && !hasVxdLoader(index.text)) return false;

  return !index.keys().some((name) => NT_SECTION.test(name));
}

/** Tells driver INFs from the other files that share the INF syntax, and says why. */
export function detectKind(facts: KindFacts): DetectedKind {
  const { index, version, modelCount, manufacturerCount } = facts;

  if (!version.present) {
    if (index.has('autorun')) {
      return { kind: 'autorun', reason: 'an AutoRun file for removable media, not a driver INF' };
    }
    if (index.has('defines')) {
      return {
        kind: 'edk2-module',
        reason: 'a UEFI EDK II module description ([Defines]), not a Windows setup INF',
      };
    }

    return {
      kind: 'unknown',
      reason: 'no [Version] section, so Windows would not read it as an INF',
    };
  }
  if (index.has('add.code') || (version.advancedInf && manufacturerCount === 0)) {
    return {
      kind: 'ie-cab',
      reason: 'an Internet Explorer CAB installation INF (Advanced INF), not a device driver',
    };
  }
  if (isWindows9x(facts)) {
    return {
      kind: 'windows9x',
      reason:
        'a Windows 9x/Me INF (VxD driver or $CHICAGO$ without NT sections); NT does not use it',
    };
  }
  if (modelCount === 0) {
    return {
      kind: 'no-models',
      reason:
        manufacturerCount === 0
          ? 'no [Manufacturer] section: it installs a service, filter or class, not a device driver'
          : 'no model line under [Manufacturer] names a hardware ID, so it matches no device',
    };
  }

  return { kind: 'driver', reason: null };
}
