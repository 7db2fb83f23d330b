// A device is addressed by its object id, `/devices/{id}`, or by Graph's alternate key, the id
// the device itself carries: `/devices(deviceId='{deviceId}')`, which arrives here as
// `deviceId={deviceId}` (see graph-path.ts).
import { findDeviceByDeviceId } from '../../fleet/fleet-repo.js';
import { isGuid } from '../../graph/body.js';
import { graphError } from '../../graph/errors.js';
import type { Db } from '../../store/store.js';
import { guidParam } from '../path-params.js';

const alternateKey = /^deviceId=(.*)$/is;

/** The object id of the device the path names; a device id no device has is a 404. */
export async function deviceObjectId(
  db: Db,
  tenantId: string,
  request: { params: unknown },
): Promise<string> {
  const key = (request.params as { id?: string }).id ?? '';
  const alternate = alternateKey.exec(key);
  if (!alternate) return guidParam(request, 'id', 'device');

  const deviceId = alternate[1]!;
  if (!isGuid(deviceId)) throw graphError('invalidId', { id: key.slice(0, 64), what: 'device' });
  const row = await findDeviceByDeviceId(db, tenantId, deviceId.toLowerCase());
  if (!row) throw graphError('notFound', { segment: `deviceId='${deviceId}'` });

  return row.id;
}
