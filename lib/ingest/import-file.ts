// POST /api/v1/imports: a CSV or XLSX file of reports or master data → read as a stream →
// headers matched before any row → rows parsed → one transaction (rows, rollups, record, audit).
import type { Db } from '@/lib/db/client';
import { codeAtLevel } from '@/lib/domain/area-code';
import { recordAudit } from '@/lib/audit/record';
import { mayLoad, type Actor } from './actor';
import { applyAreas } from './apply-areas';
import { applyAssignments } from './apply-assignments';
import { applyOfficers } from './apply-officers';
import { applyReports, type Correction } from './apply-reports';
import { COLUMNS } from './columns';
import { detectKind, matchHeaders } from './headers';
import { failImport, finishImport, writeKota, releaseImport, startImport, type Counts, type ImportStatus, type WriteLock } from './import-job';
import { parseRow, type KindInput, type Parsed } from './parse-rows';
import { ImportProblem, type ImportKind, type RowRejection } from './reasons';
import type { TableRow } from './cells';
import { openTable } from './table';

/** A generous bound: a whole campaign of one kab/kota is ~60,000 report rows. */
export const MAX_IMPORT_ROWS = 250_000;

export interface ImportResult extends Counts {
  importId: number;
  kind: ImportKind;
  status: ImportStatus;
  totalRows: number;
  rejections: RowRejection[];
  corrections: Correction[];
}

export interface ImportInput {
  chunks: AsyncIterable<Uint8Array>;
  filename: string | null;
  /** The kind the user chose; detected from the headers when absent. */
  kind?: ImportKind;
  ip?: string | null;
}

async function readRows<K extends ImportKind>(kind: K, headers: string[], rows: AsyncIterable<TableRow>) {
  const map = matchHeaders(kind, headers);
  const parsed: Parsed<KindInput[K]>[] = [];
  const rejections: RowRejection[] = [];
  let index = 0;
  for await (const row of rows) {
    if (index >= MAX_IMPORT_ROWS) throw new ImportProblem('too_many_rows', { max: MAX_IMPORT_ROWS });
    const result = parseRow(kind, map, row, index++);
    if (result.ok) parsed.push(result.parsed);
    else rejections.push(result.rejection);
  }
  if (index === 0) throw new ImportProblem('no_rows');
  return { parsed, rejections, total: index };
}

/** Reports lock the kelurahan they write; master data the whole kota (writeKota). */
function lockFor(kind: ImportKind, rows: Parsed<unknown>[]): WriteLock {
  if (kind !== 'reports') return { kind: 'kota' };
  const codes = (rows as Parsed<KindInput['reports']>[]).map((r) => codeAtLevel(r.record.kodeSubsls, 'kelurahan'));
  return { kind: 'kelurahan', codes: [...new Set(codes)] };
}

async function applyKind(tx: Db, actor: Actor, kind: ImportKind, rows: Parsed<unknown>[], importId: number) {
  switch (kind) {
    case 'reports':
      return applyReports(tx, actor, rows as Parsed<KindInput['reports']>[], { source: 'upload', importId, fieldName: snakeName });
    case 'areas':
      return { ...(await applyAreas(tx, actor, rows as Parsed<KindInput['areas']>[])), corrections: [] };
    case 'officers':
      return { ...(await applyOfficers(tx, actor, rows as Parsed<KindInput['officers']>[])), corrections: [] };
    case 'assignments':
      return { ...(await applyAssignments(tx, actor, rows as Parsed<KindInput['assignments']>[])), corrections: [] };
  }
}

const SNAKE = new Map(COLUMNS.reports.map((c) => [c.json as string, c.key]));
const snakeName = (jsonKey: string) => SNAKE.get(jsonKey) ?? jsonKey;

/**
 * Imports one uploaded file as `actor`. A problem with the whole file (unreadable, wrong
 * headers, no rows) throws ImportProblem after recording the import as rejected; row problems
 * are returned with the counts. Valid rows are written together or not at all.
 */
export async function importFile(db: Db, actor: Actor, input: ImportInput): Promise<ImportResult> {
  const table = await openTable(input.chunks);
  const kind = input.kind ?? detectKind(table.headers);
  if (!mayLoad(actor, kind)) throw new ImportProblem('forbidden_kind', { kind }, 'not_found');
  const kodeKota = actor.scope.kodeKota;
  const importId = await startImport(db, { kodeKota, kind, source: 'upload', filename: input.filename, createdBy: actor.username });
  try {
    const audit = (tx: Db, detail: Record<string, unknown>) =>
      recordAudit(tx, { kodeKota, actor: actor.username, action: 'import', target: `import:${importId}`, detail: { kind, filename: input.filename, ...detail }, ip: input.ip ?? null });
    let read: Awaited<ReturnType<typeof readRows>>;
    try {
      read = await readRows(kind, table.headers, table.rows);
    } catch (error) {
      if (!(error instanceof ImportProblem)) {
        await failImport(db, kodeKota, importId);
        throw error;
      }
      await db.transaction(async (tx) => {
        const problem = { code: error.code, params: error.params };
        await finishImport(tx, kodeKota, importId, { status: 'rejected', totalRows: 0, accepted: 0, replaced: 0, unchanged: 0, rejections: [], problem });
        await audit(tx, { status: 'rejected', problem: error.code });
      });
      error.importId = importId;
      throw error;
    }
    try {
      return await writeKota(db, kodeKota, async (tx) => {
        const out = await applyKind(tx, actor, kind, read.parsed, importId);
        const rejections = [...read.rejections, ...out.rejections].sort((a, b) => a.index - b.index);
        const status: ImportStatus = out.accepted + out.replaced + out.unchanged > 0 ? 'applied' : 'rejected';
        const counts = { accepted: out.accepted, replaced: out.replaced, unchanged: out.unchanged };
        await finishImport(tx, kodeKota, importId, { ...counts, status, totalRows: read.total, rejections });
        await audit(tx, { status, rows: read.total, ...counts, rejected: rejections.length });
        return { importId, kind, status, totalRows: read.total, ...counts, rejections, corrections: out.corrections };
      }, lockFor(kind, read.parsed));
    } catch (error) {
      await failImport(db, kodeKota, importId);
      throw error;
    }
  } finally {
    releaseImport(importId);
  }
}
