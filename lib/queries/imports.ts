import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '@/lib/db/client';
import { levelOfCode } from '@/lib/domain/area-code';
import type { Scope } from '@/lib/domain/scope';
import type { ImportKind, Params, ProblemCode, RowRejection } from '@/lib/ingest/reasons';

export interface ImportSummary {
  id: number;
  kind: ImportKind;
  source: 'api' | 'upload' | 'form' | 'simulator' | 'seed';
  filename: string | null;
  status: 'running' | 'applied' | 'rejected' | 'failed';
  createdBy: string;
  createdAt: string;
  finishedAt: string | null;
  totalRows: number;
  accepted: number;
  replaced: number;
  unchanged: number;
  rejected: number;
  problem: { code: ProblemCode; params: Params } | null;
}

interface JobRow {
  id: number;
  kind: ImportKind;
  source: ImportSummary['source'];
  filename: string | null;
  status: ImportSummary['status'];
  created_by: string;
  created_at: string;
  finished_at: string | null;
  total_rows: number;
  accepted: number;
  replaced: number;
  unchanged: number;
  rejected: number;
  message: string | null;
}

const COLUMNS = sql`id::int as id, kind, source, filename, status, created_by, created_at::text as created_at,
  finished_at::text as finished_at, total_rows, accepted, replaced, unchanged, rejected, message`;

function toSummary(r: JobRow): ImportSummary {
  return {
    id: r.id,
    kind: r.kind,
    source: r.source,
    filename: r.filename,
    status: r.status,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at).toISOString(),
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
    totalRows: r.total_rows,
    accepted: r.accepted,
    replaced: r.replaced,
    unchanged: r.unchanged,
    rejected: r.rejected,
    problem: r.message ? (JSON.parse(r.message) as ImportSummary['problem']) : null,
  };
}

/**
 * Imports visible to a viewer: city-wide staff see every import of their kab/kota; anyone
 * narrower (PML, PPL) sees only their own submissions.
 */
function importVisible(scope: Scope, username: string): SQL {
  const cityWide = scope.kind === 'area' && levelOfCode(scope.areaCode) === 'kota';
  return cityWide ? sql`kode_kota = ${scope.kodeKota}` : sql`(kode_kota = ${scope.kodeKota} and created_by = ${username})`;
}

/** Newest first, a page at a time. */
export async function listImports(
  db: Db,
  scope: Scope,
  params: { username: string; page: number; pageSize: number; source?: ImportSummary['source'] },
): Promise<{ items: ImportSummary[]; total: number }> {
  const where = sql`${importVisible(scope, params.username)} ${params.source ? sql`and source = ${params.source}` : sql``}`;
  const [rows, [count]] = await Promise.all([
    queryRows<JobRow>(
      db,
      sql`select ${COLUMNS} from import_job where ${where} order by created_at desc, id desc
      limit ${params.pageSize} offset ${(params.page - 1) * params.pageSize}`,
    ),
    queryRows<{ n: number }>(db, sql`select count(*)::int as n from import_job where ${where}`),
  ]);
  return { items: rows.map(toSummary), total: count.n };
}

/** One import, or null when it does not exist or is not visible (the same answer). */
export async function getImport(db: Db, scope: Scope, params: { username: string; id: number }): Promise<ImportSummary | null> {
  const [row] = await queryRows<JobRow>(db, sql`select ${COLUMNS} from import_job where id = ${params.id} and ${importVisible(scope, params.username)}`);
  return row ? toSummary(row) : null;
}

/** A page of an import's rejected rows, in file order (paged inside the database). */
export async function listImportRejections(
  db: Db,
  scope: Scope,
  params: { username: string; id: number; offset: number; limit: number },
): Promise<RowRejection[]> {
  const rows = await queryRows<{ e: RowRejection | string }>(
    db,
    sql`select t.e from import_job j cross join lateral jsonb_array_elements(j.rejections) with ordinality as t(e, n)
    where j.id = ${params.id} and ${importVisible(scope, params.username)}
    order by t.n offset ${params.offset} limit ${params.limit}`,
  );
  return rows.map((r) => (typeof r.e === 'string' ? (JSON.parse(r.e) as RowRejection) : r.e));
}
