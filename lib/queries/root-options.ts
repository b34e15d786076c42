// What an admin can pick as an account's root: the areas (kab/kota, kecamatan, kelurahan) and the
// PML/PPL of their scope, by name — so nobody has to know a BPS code by heart.
import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/lib/db/client';
import type { Scope } from '@/lib/domain/scope';
import { areaVisible, officerVisible } from '@/lib/db/scope-sql';

export interface RootOption {
  code: string;
  name: string;
  /** kota, kecamatan, kelurahan, pml or ppl. */
  kind: string;
  /** Where it is: the kecamatan of a kelurahan, the home area of an officer. */
  context: string | null;
}

export async function listRootOptions(db: Db, scope: Scope): Promise<RootOption[]> {
  const [areas, officers] = await Promise.all([
    queryRows<RootOption>(
      db,
      sql`select a.code, a.name, a.level as kind, p.name as context from area a
      left join area p on p.code = a.parent_code and p.kode_kota = a.kode_kota
      where a.kode_kota = ${scope.kodeKota} and a.level in ('kota', 'kecamatan', 'kelurahan') and ${areaVisible(scope, sql`a.code`)}
      order by a.code`,
    ),
    queryRows<RootOption>(
      db,
      sql`select o.code, o.name, o.role as kind, h.name as context from officer o
      left join area h on h.code = o.area_code and h.kode_kota = o.kode_kota
      where o.kode_kota = ${scope.kodeKota} and o.role in ('pml', 'ppl') and o.active
        and ${officerVisible(scope, sql`o.code`, sql`o.area_code`)}
      order by o.name, o.code`,
    ),
  ]);
  return [...areas, ...officers];
}
