// Some dependencies load their own parts with require() of ES modules, which Node does without a
// flag from 20.19 and 22.12 on. On older versions those parts fail only when first used, deep in
// a request, so the command line refuses such a Node at start and says why.

export const supportedNode = '^20.19.0 || >=22.12.0';

/** Why this Node.js cannot run drivergraph, or null when it can. */
export function unsupportedNodeReason(version: string): string | null {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const supported = (major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major >= 23;

  return supported ? null : `Node.js ${version} is not supported; use ${supportedNode}.`;
}
