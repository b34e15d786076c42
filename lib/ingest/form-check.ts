// The phone form's inline checks: the same zod rules and sum rule the server applies, run on
// what the PPL typed, so a report refused on the phone would be refused by the server too.
import type { OutcomeCounts } from '@/lib/domain/types';
import type { FieldError } from './reasons';
import { COUNT_FIELDS, loweredFields, parseReportJson, universeError, type ReportInput } from './report-schema';

export type CountDraft = Record<(typeof COUNT_FIELDS)[number], string> & { catatan: string };

export function draftFrom(counts: OutcomeCounts | null, catatan: string | null = null): CountDraft {
  const c = counts ?? { selesai: 0, menolak: 0, tidakDitemui: 0, tidakDitemukan: 0, keluargaBaru: 0 };
  return {
    selesai: String(c.selesai),
    menolak: String(c.menolak),
    tidakDitemui: String(c.tidakDitemui),
    tidakDitemukan: String(c.tidakDitemukan),
    keluargaBaru: String(c.keluargaBaru),
    catatan: catatan ?? '',
  };
}

const toNumber = (s: string): unknown => (/^\d+$/.test(s) ? Number(s) : s === '' ? undefined : s);

/** The report the draft would send, or every error the server would answer with. */
export function checkDraft(
  draft: CountDraft,
  ctx: { tanggal: string; kodeSubsls: string; kodePetugas: string; prelist: number; previous: OutcomeCounts | null },
): { report: ReportInput | null; errors: FieldError[]; lowered: string[] } {
  const input = {
    tanggal: ctx.tanggal,
    kodeSubsls: ctx.kodeSubsls,
    kodePetugas: ctx.kodePetugas,
    ...Object.fromEntries(COUNT_FIELDS.map((f) => [f, toNumber(draft[f])])),
    ...(draft.catatan.trim() ? { catatan: draft.catatan.trim() } : {}),
  };
  const parsed = parseReportJson(input);
  if (!parsed.ok) return { report: null, errors: parsed.errors, lowered: [] };
  const over = universeError(parsed.value, ctx.prelist);
  if (over) return { report: null, errors: [over], lowered: [] };
  return { report: parsed.value, errors: [], lowered: loweredFields(parsed.value, ctx.previous) };
}

export function sameDraft(a: CountDraft, b: CountDraft): boolean {
  return COUNT_FIELDS.every((f) => a[f] === b[f]) && a.catatan.trim() === b.catatan.trim();
}
