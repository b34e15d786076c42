// The kept daily archive, read within the viewer's scope: the days and, for each, the files of
// the areas the viewer may see. A file of an area outside the scope does not exist for them.
import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/lib/db/client';
import type { Scope } from '@/lib/domain/scope';
import type { AreaLevel } from '@/lib/domain/types';
import { areaVisible } from '@/lib/db/scope-sql';

export interface ArchiveEntry {
  areaCode: string;
  areaName: string;
  level: AreaLevel;
  kind: 'pdf' | 'png';
  bytes: number;
}

export interface ArchiveDay {
  tanggal: string;
  /** When the day's run finished (ISO), null while it is being written. */
  finishedAt: string | null;
  files: ArchiveEntry[];
}

/** Archive days, newest first (at most `limit`), each with the visible areas' files, top level first. */
export async function listArchiveDays(db: Db, scope: Scope, params: { limit?: number } = {}): Promise<ArchiveDay[]> {
  const rows = await queryRows<{ tanggal: string; finished_at: string | null; area_code: string; name: string; level: AreaLevel; kind: 'pdf' | 'png'; bytes: number }>(
    db,
    sql`with days as (
        select r.tanggal, r.finished_at from archive_run r
        where r.kode_kota = ${scope.kodeKota} and r.status = 'done'
        order by r.tanggal desc limit ${params.limit ?? 62})
      select d.tanggal::text as tanggal, to_char(d.finished_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as finished_at,
        f.area_code, a.name, a.level, f.kind, f.bytes
      from days d
      join archive_file f on f.kode_kota = ${scope.kodeKota} and f.tanggal = d.tanggal
      join area a on a.kode_kota = f.kode_kota and a.code = f.area_code
      where ${areaVisible(scope, sql`f.area_code`)}
      order by d.tanggal desc, length(f.area_code), f.area_code, f.kind`,
  );
  const days: ArchiveDay[] = [];
  for (const r of rows) {
    let day = days[days.length - 1];
    if (!day || day.tanggal !== r.tanggal) days.push((day = { tanggal: r.tanggal, finishedAt: r.finished_at, files: [] }));
    day.files.push({ areaCode: r.area_code, areaName: r.name, level: r.level, kind: r.kind, bytes: r.bytes });
  }
  return days;
}

/** One archived file of an area in the scope, or null (not archived, or not the viewer's: 404). */
export async function getArchiveFile(
  db: Db,
  scope: Scope,
  params: { tanggal: string; areaCode: string; kind: 'pdf' | 'png' },
): Promise<{ filename: string; body: Buffer } | null> {
  const [row] = await queryRows<{ filename: string; body: Uint8Array }>(
    db,
    sql`select f.filename, f.body from archive_file f
      where f.kode_kota = ${scope.kodeKota} and f.tanggal = ${params.tanggal}::date and f.area_code = ${params.areaCode} and f.kind = ${params.kind}
        and ${areaVisible(scope, sql`f.area_code`)}`,
  );
  return row ? { filename: row.filename, body: Buffer.from(row.body) } : null;
}

/** The campaign's local archive time (HH:MM), or null without a campaign. */
export async function getArchiveTime(db: Db, scope: Scope): Promise<string | null> {
  const [row] = await queryRows<{ archive_time: string }>(db, sql`select archive_time from campaign where kode_kota = ${scope.kodeKota}`);
  return row?.archive_time ?? null;
}
