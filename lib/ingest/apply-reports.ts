// Daily reports → the report table (current row per sub-SLS and date) and report_history
// (every version), with the rollups kept in step, inside the caller's transaction.
import { sql } from 'drizzle-orm';
import { arrayParam, queryRows, type Db } from '@/lib/db/client';
import type { BulkColumn } from '@/lib/db/bulk';
import { applyReportChanges, type ReportRead, type ReportsRead } from '@/lib/db/rollup';
import type { OutcomeCounts } from '@/lib/domain/types';
import { mayReportFor, submitterOf, type Actor } from './actor';
import { collapseDuplicates } from './duplicates';
import type { Counts } from './import-job';
import type { Parsed } from './parse-rows';
import type { FieldError, RowRejection } from './reasons';
import { loadCurrent, loadPrevious, loadSubsls, reportKey } from './report-context';
import { COUNT_FIELDS, loweredFields, universeError, type ReportInput } from './report-schema';

/** A report accepted although a cumulative count fell below the previous date's: a correction. */
export interface Correction {
  index: number;
  line?: number;
  kodeSubsls: string;
  tanggal: string;
  fields: string[];
  previousTanggal: string;
}

export interface ReportOutcome extends Counts {
  rejections: RowRejection[];
  corrections: Correction[];
}

export interface ReportWriteOptions {
  source: 'api' | 'upload' | 'form' | 'simulator';
  importId: number;
  /** How the sender names a field: JSON keys for the API, snake_case columns for files. */
  fieldName: (jsonKey: string) => string;
}

type Row = Parsed<ReportInput>;

type Comparable = OutcomeCounts & { kodePetugas: string; catatan?: string | null };

/** Identical values: the same counts, officer and note (who sent it does not matter). */
const sameValues = (a: Comparable, b: Comparable) =>
  a.kodePetugas === b.kodePetugas && (a.catatan ?? null) === (b.catatan ?? null) && COUNT_FIELDS.every((f) => a[f] === b[f]);

const reject = (row: Row, errors: FieldError[]): RowRejection => ({ index: row.index, line: row.line, values: row.values, errors });

/** Checks every row against the campaign window and the sub-SLS as the database holds them. */
async function checkRows(tx: Db, actor: Actor, rows: Row[], opts: ReportWriteOptions, out: ReportOutcome) {
  // Only the window: getCampaign would also work out the latest complete day, a read of a week of
  // the city's reporting that every write invalidates — inside the write, under the kab/kota lock.
  // Both reads sent at once (one round trip on PostgreSQL: queries of a transaction are pipelined).
  const [[campaign], subsls] = await Promise.all([
    queryRows<{ startDate: string; lastReportDate: string }>(
      tx,
      sql`select start_date::text as "startDate", (end_date + grace_days)::text as "lastReportDate" from campaign where kode_kota = ${actor.scope.kodeKota}`,
    ),
    loadSubsls(tx, actor.scope, [...new Set(rows.map((r) => r.record.kodeSubsls))]),
  ]);
  const valid: (Row & { prelist: number })[] = [];
  for (const row of rows) {
    const r = row.record;
    const ctx = subsls.get(r.kodeSubsls);
    const errors: FieldError[] = [];
    if (campaign && (r.tanggal < campaign.startDate || r.tanggal > campaign.lastReportDate)) {
      errors.push({ field: opts.fieldName('tanggal'), code: 'outside_window', params: { value: r.tanggal, start: campaign.startDate, last: campaign.lastReportDate } });
    }
    if (!ctx || !campaign) {
      errors.push({ field: opts.fieldName('kodeSubsls'), code: 'subsls_not_found', params: { value: r.kodeSubsls } });
    } else {
      if (ctx.assigned !== r.kodePetugas || !mayReportFor(actor, r.kodePetugas, ctx.supervisorCode)) {
        errors.push({ field: opts.fieldName('kodePetugas'), code: 'not_assigned', params: { value: r.kodePetugas, kode: r.kodeSubsls } });
      }
      const over = universeError(r, ctx.prelist, opts.fieldName('selesai'));
      if (over) errors.push(over);
    }
    if (errors.length) out.rejections.push(reject(row, errors));
    // Annotated in place: a copy would compute the row's lazily built `values` for nothing.
    else valid.push(Object.assign(row, { prelist: ctx!.prelist }));
  }
  return { valid, kodeKota: actor.scope.kodeKota };
}

/** The columns that vary by row, as arrays (one parameter each); the rest are one value for the whole batch. */
function columns(rows: (Row & { prelist: number; version: number })[]): BulkColumn[] {
  const col = (name: string, type: string, pick: (r: (typeof rows)[number]) => unknown): BulkColumn => [name, type, rows.map(pick)];
  return [
    col('kode_subsls', 'text', (r) => r.record.kodeSubsls),
    col('tanggal', 'date', (r) => r.record.tanggal),
    col('kode_petugas', 'text', (r) => r.record.kodePetugas),
    col('selesai', 'int4', (r) => r.record.selesai),
    col('menolak', 'int4', (r) => r.record.menolak),
    col('tidak_ditemui', 'int4', (r) => r.record.tidakDitemui),
    col('tidak_ditemukan', 'int4', (r) => r.record.tidakDitemukan),
    col('keluarga_baru', 'int4', (r) => r.record.keluargaBaru),
    col('prelist', 'int4', (r) => r.prelist),
    col('catatan', 'text', (r) => r.record.catatan ?? null),
    col('version', 'int4', (r) => r.version),
  ];
}

const WRITE_SLICE = 5000;

const UPSERT = sql`on conflict (kode_subsls, tanggal, kode_kota) do update set kode_petugas = excluded.kode_petugas,
  selesai = excluded.selesai, menolak = excluded.menolak, tidak_ditemui = excluded.tidak_ditemui,
  tidak_ditemukan = excluded.tidak_ditemukan, keluarga_baru = excluded.keluarga_baru, prelist = excluded.prelist,
  catatan = excluded.catatan, submitted_by = excluded.submitted_by, submitted_at = excluded.submitted_at,
  source = excluded.source, import_id = excluded.import_id, version = excluded.version`;

/**
 * One statement writes a slice to report_history (every version) and report (the current row):
 * the rows' values are sent once, as one array per varying column.
 */
async function writeSlice(tx: Db, cols: BulkColumn[], fixed: { kodeKota: string; by: string; at: string; source: string; importId: number }): Promise<void> {
  const names = cols.map(([n]) => n);
  const arrays = sql.join(
    cols.map(([, type, values]) => sql`${arrayParam(values)}::${sql.raw(type)}[]`),
    sql`, `,
  );
  const all = sql.raw([...names, 'kode_kota', 'submitted_by', 'submitted_at', 'source', 'import_id'].join(', '));
  await tx.execute(sql`with v as (
      select ${sql.raw(names.map((n) => `u.${n}`).join(', '))}, ${fixed.kodeKota}::text as kode_kota, ${fixed.by}::text as submitted_by,
        ${fixed.at}::timestamptz as submitted_at, ${fixed.source}::text as source, ${fixed.importId}::int8 as import_id
      from unnest(${arrays}) as u(${sql.raw(names.join(', '))})
    ),
    history as (insert into report_history (${all}) select ${all} from v)
    insert into report (${all}) select ${all} from v ${UPSERT}`);
}

/**
 * Writes a batch of parsed reports. New keys are accepted, changed ones replace the current
 * row (the old version stays in history), identical ones are unchanged and leave no trace.
 * Must run inside writeKota (lib/ingest/import-job.ts): the kota's lock, or the kelurahan's of every row.
 */
export async function applyReports(tx: Db, actor: Actor, rows: Row[], opts: ReportWriteOptions): Promise<ReportOutcome> {
  const out: ReportOutcome = { accepted: 0, replaced: 0, unchanged: 0, rejections: [], corrections: [] };
  const { rows: unique, repeats } = collapseDuplicates(rows, (r) => reportKey(r.kodeSubsls, r.tanggal), opts.fieldName('kodeSubsls'), out.rejections);
  out.unchanged += repeats;
  // The stored rows are read with the checks, for every row of the batch: the values of a row the
  // checks refuse are never looked at (nor returned), and the write saves a round trip.
  const [{ valid, kodeKota }, current] = await Promise.all([
    checkRows(tx, actor, unique, opts, out),
    loadCurrent(tx, actor.scope.kodeKota, unique.map((r) => r.record)),
  ]);
  const changed: (Row & { prelist: number; version: number })[] = [];
  for (const row of valid) {
    const stored = current.get(reportKey(row.record.kodeSubsls, row.record.tanggal));
    if (stored && sameValues(row.record, stored)) out.unchanged++;
    else {
      if (stored) out.replaced++;
      else out.accepted++;
      changed.push(Object.assign(row, { version: (stored?.version ?? 0) + 1 }));
    }
  }
  out.rejections.sort((a, b) => a.index - b.index);
  if (changed.length === 0) return out;
  // Written in slices (still one transaction): each statement's parameters stay a few MB even
  // for a 20 MB file, instead of the whole file's values held at once.
  const fixed = { kodeKota, by: submitterOf(actor), at: new Date().toISOString(), source: opts.source, importId: opts.importId };
  for (let i = 0; i < changed.length; i += WRITE_SLICE) await writeSlice(tx, columns(changed.slice(i, i + WRITE_SLICE)), fixed);
  // The rollup last but for the corrections (worked out from what it read): it updates the
  // kecamatan and kota rows every writer of the kota shares, so they stay locked only from here
  // to the commit (writeKota, lib/ingest/import-job.ts).
  const fromDate = changed.reduce((min, r) => (r.record.tanggal < min ? r.record.tanggal : min), changed[0].record.tanggal);
  const read = await applyReportChanges(tx, kodeKota, changed.map((r) => r.record.kodeSubsls), fromDate);
  out.corrections = await findCorrections(tx, kodeKota, changed, opts, read);
  return out;
}

/**
 * Each row's sub-SLS's latest report dated before it, from what the rollup read when that covers
 * every row's date (it holds each sub-SLS's reports from the latest one before the earliest
 * changed date on), else read again.
 */
async function previousReports(tx: Db, kodeKota: string, rows: Row[], read: ReportsRead | null): Promise<Map<string, OutcomeCounts & { tanggal: string }>> {
  const covered = read !== null && rows.every((r) => r.record.tanggal >= read.fromDate && r.record.tanggal <= read.toDate);
  if (!covered) return loadPrevious(tx, kodeKota, rows.map((r) => r.record));
  const bySub = new Map<string, ReportRead[]>();
  for (const r of read.reports) {
    const list = bySub.get(r.code);
    if (list) list.push(r);
    else bySub.set(r.code, [r]);
  }
  const previous = new Map<string, OutcomeCounts & { tanggal: string }>();
  for (const { record } of rows) {
    let prev: ReportRead | null = null;
    for (const r of bySub.get(record.kodeSubsls) ?? []) {
      if (r.tanggal >= record.tanggal) break;
      prev = r;
    }
    if (prev) {
      previous.set(reportKey(record.kodeSubsls, record.tanggal), {
        tanggal: prev.tanggal,
        selesai: prev.selesai,
        menolak: prev.menolak,
        tidakDitemui: prev.tidak_ditemui,
        tidakDitemukan: prev.tidak_ditemukan,
        keluargaBaru: prev.keluarga_baru,
      });
    }
  }
  return previous;
}

async function findCorrections(tx: Db, kodeKota: string, rows: Row[], opts: ReportWriteOptions, read: ReportsRead | null): Promise<Correction[]> {
  const previous = await previousReports(tx, kodeKota, rows, read);
  return rows.flatMap((row) => {
    const prev = previous.get(reportKey(row.record.kodeSubsls, row.record.tanggal)) ?? null;
    const fields = loweredFields(row.record, prev);
    if (!prev || fields.length === 0) return [];
    return [{ index: row.index, line: row.line, kodeSubsls: row.record.kodeSubsls, tanggal: row.record.tanggal, fields: fields.map(opts.fieldName), previousTanggal: prev.tanggal }];
  });
}
