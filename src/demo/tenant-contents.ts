// What a tenant already holds, so that a demo is only ever seeded into an empty one: a second
// fleet with its own Pilot and Broad groups would blur the first.
import type { Db } from '../store/store.js';

export interface TenantContents {
  readonly devices: number;
  readonly groups: number;
  readonly profiles: number;
}

export async function tenantContents(db: Db, tenantId: string): Promise<TenantContents> {
  const count = async (table: 'devices' | 'groups' | 'profiles') => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .where('tenant_id', '=', tenantId)
      .executeTakeFirstOrThrow();

    return Number(row.count);
  };

  return {
    devices: await count('devices'),
    groups: await count('groups'),
    profiles: await count('profiles'),
  };
}
