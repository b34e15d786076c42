// POST /api/v1/reports, the phone form and the simulator: a JSON array of daily reports →
// parse (zod) → one transaction (reports, history, rollups, import record, audit).
import type { Db } from '@/lib/db/client';
import { codeAtLevel } from '@/lib/domain/area-code';
import { recordAudit } from '@/lib/audit/record';
import { mayWriteReports, type Actor } from './actor';
import { applyReports, type ReportOutcome } from './apply-reports';
import { failImport, finishImport, writeKota, releaseImport, startImport, type ImportSource } from './import-job';
import type { Parsed } from './parse-rows';
import { ImportProblem, type RowRejection } from './reasons';
import { parseReportJson, type ReportInput } from './report-schema';
import { bodyHash, dropImport, lockSubmission, priorOutcome, recordOutcome } from './submission';

export const MAX_REPORTS_PER_REQUEST = 5000;

export interface SubmitResult extends ReportOutcome {
  importId: number | null;
  /** True when this was a repeat of an earlier submission id: the first answer, nothing written. */
  replayed?: boolean;
}

/** A value as text for the rejected row; one nested too deep to write out (`[[[…]]]`, 50,000 levels) is cut short. */
function valueText(v: unknown): string {
  if (typeof v === 'string') return v;
  try {
    return JSON.stringify(v) ?? '';
  } catch {
    return Array.isArray(v) ? '[…]' : '{…}';
  }
}

function describeValues(item: unknown): Record<string, string> {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return {};
  return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, valueText(v)]));
}

/**
 * A valid report of the body. Its values as text are only needed if a later check refuses it,
 * so they are written out on demand from the item as sent (a prototype getter, as in
 * parse-rows.ts): most batches refuse nothing.
 */
class ParsedItem implements Parsed<ReportInput> {
  constructor(
    readonly index: number,
    readonly record: ReportInput,
    private readonly item: unknown,
  ) {}

  get values(): Record<string, string> {
    return describeValues(this.item);
  }
}

/** Splits the body into parsed reports and rows refused by the schema alone. */
export function parseReportBatch(body: unknown): { parsed: Parsed<ReportInput>[]; rejections: RowRejection[] } {
  if (!Array.isArray(body)) throw new ImportProblem('not_array', {}, 'bad_request');
  if (body.length > MAX_REPORTS_PER_REQUEST) {
    throw new ImportProblem('too_many_reports', { max: MAX_REPORTS_PER_REQUEST, count: body.length }, 'payload_too_large');
  }
  const parsed: Parsed<ReportInput>[] = [];
  const rejections: RowRejection[] = [];
  body.forEach((item, index) => {
    const result = parseReportJson(item);
    if (result.ok) parsed.push(new ParsedItem(index, result.value, item));
    else rejections.push({ index, values: describeValues(item), errors: result.errors });
  });
  return { parsed, rejections };
}

/**
 * Submits a batch of reports as `actor`; rows are judged one by one, valid ones written together.
 * With a `submissionId`, a repeat of the same id and body answers what the first did and writes
 * nothing; checked again under the kota lock, so two identical submissions at once write once.
 */
export async function submitReports(
  db: Db,
  actor: Actor,
  body: unknown,
  opts: { source: Exclude<ImportSource, 'upload'>; ip?: string | null; submissionId?: string },
): Promise<SubmitResult> {
  if (!mayWriteReports(actor)) throw new ImportProblem('forbidden_kind', { kind: 'reports' }, 'not_found');
  const { parsed, rejections } = parseReportBatch(body);
  const total = parsed.length + rejections.length;
  if (total === 0) return { importId: null, accepted: 0, replaced: 0, unchanged: 0, rejections: [], corrections: [] };
  const kodeKota = actor.scope.kodeKota;
  const id = opts.submissionId;
  const who = { username: actor.username, hash: id ? bodyHash(body) : '' };
  const earlier = id ? await priorOutcome(db, kodeKota, id, who) : null;
  if (earlier) return { ...earlier, replayed: true };
  const importId = await startImport(db, { kodeKota, kind: 'reports', source: opts.source, filename: null, createdBy: actor.username });
  try {
    // Reports lock only the kelurahan they write (and the kota shared): writers of different
    // kelurahan do not wait for each other (writeKota).
    const kelurahan = [...new Set(parsed.map((p) => codeAtLevel(p.record.kodeSubsls, 'kelurahan')))];
    return await writeKota(db, kodeKota, async (tx) => {
      // Two submissions with one id but other bodies may write other kelurahan: the id's own lock
      // makes the second see the first's record (and answer 409) instead of racing it.
      if (id) await lockSubmission(tx, kodeKota, id);
      const raced = id ? await priorOutcome(tx, kodeKota, id, who) : null;
      if (raced) {
        await dropImport(tx, kodeKota, importId);
        return { ...raced, replayed: true };
      }
      const out = await applyReports(tx, actor, parsed, { source: opts.source, importId, fieldName: (k) => k });
      out.rejections = [...rejections, ...out.rejections].sort((a, b) => a.index - b.index);
      const written = out.accepted + out.replaced + out.unchanged;
      // The job's record, the audit entry and the submission's outcome: independent rows, sent
      // together (pipelined on PostgreSQL, one round trip).
      await Promise.all([
        finishImport(tx, kodeKota, importId, { ...out, status: written > 0 ? 'applied' : 'rejected', totalRows: total }),
        recordAudit(tx, {
          kodeKota,
          actor: actor.username,
          action: 'report.submit',
          target: `import:${importId}`,
          detail: { source: opts.source, rows: total, accepted: out.accepted, replaced: out.replaced, unchanged: out.unchanged, rejected: out.rejections.length },
          ip: opts.ip ?? null,
        }),
        id ? recordOutcome(tx, kodeKota, id, who, { importId, ...out }) : null,
      ]);
      return { importId, ...out };
    }, { kind: 'kelurahan', codes: kelurahan });
  } catch (error) {
    await failImport(db, kodeKota, importId);
    throw error;
  } finally {
    releaseImport(importId);
  }
}
