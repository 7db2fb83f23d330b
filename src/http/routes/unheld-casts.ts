// Graph lets a directory list be cast to any kind of directory object: users, service
// principals, administrative units and more. This directory holds devices and groups only, so
// a cast to another kind Graph knows is refused the way Graph refuses a cast to a kind the list
// cannot hold, instead of answering as if the path did not exist.
import { graphError } from '../../graph/errors.js';
import { addRoute } from '../add-route.js';
import type { GraphServer } from '../server.js';

const unheldTypes = [
  'user',
  'servicePrincipal',
  'orgContact',
  'application',
  'administrativeUnit',
  'directoryRole',
] as const;

/** Registers the refusals under `listPath`, a list that may hold devices or groups. */
export function refuseUnheldCasts(
  server: GraphServer,
  listPath: string,
  permissions: readonly string[],
): void {
  for (const type of unheldTypes) {
    for (const url of [`${listPath}/${type}`, `${listPath}/${type}/$count`]) {
      addRoute(server, {
        method: 'GET',
        url,
        permissions,
        handler: () => Promise.reject(graphError('castNotHeld', { type })),
      });
    }
  }
}
