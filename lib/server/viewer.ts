import { sql } from 'drizzle-orm';
import { queryRows } from '@/lib/db/client';
import { areaScope, type Scope } from '@/lib/domain/scope';
import { getDb } from './database';

export type Role = 'admin' | 'pimpinan' | 'camat' | 'lurah' | 'pml' | 'ppl';

/** Who is asking: their role, the scope every query of theirs runs in, and their home area. */
export interface Viewer {
  username: string;
  role: Role;
  scope: Scope;
  /** Area code of the home page (kota/kecamatan/kelurahan), or null for PML/PPL. */
  homeArea: string | null;
  /** The officer this user is (PML or PPL), else null. */
  officerCode: string | null;
}

/**
 * The viewer of the current request. Until accounts land (issue #6) every visitor is a
 * read-only viewer of the first kab/kota loaded; the scope still goes through every query.
 */
export async function getViewer(): Promise<Viewer | null> {
  const db = await getDb();
  const [row] = await queryRows<{ kode_kota: string }>(db, sql`select kode_kota from campaign order by kode_kota limit 1`);
  if (!row) return null;
  return { username: 'tamu', role: 'pimpinan', scope: areaScope(row.kode_kota), homeArea: row.kode_kota, officerCode: null };
}
