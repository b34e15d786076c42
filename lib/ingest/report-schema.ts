// The rules of one daily report (DESIGN.md, The grain), shared by the JSON API, the file
// importer and the PPL's phone form so every channel refuses the same things the same way.
import { z } from 'zod';
import { levelCodePattern, OFFICER_CODE_PATTERN } from '@/lib/domain/area-code';
import { isIsoDate } from '@/lib/domain/dates';
import type { OutcomeCounts } from '@/lib/domain/types';
import { MAX_COUNT } from './cells';
import type { FieldError, ReasonCode } from './reasons';

export const COUNT_FIELDS = ['selesai', 'menolak', 'tidakDitemui', 'tidakDitemukan', 'keluargaBaru'] as const satisfies readonly (keyof OutcomeCounts)[];

/** zod messages carry our reason codes; wording happens when shown (reasons.ts). */
const count = z
  .int({ error: (iss) => (iss.input === undefined ? 'required' : 'not_integer') })
  .min(0, { error: 'negative' })
  .max(MAX_COUNT, { error: 'too_large' });

export const dailyReportSchema = z.strictObject(
  {
    tanggal: z.string({ error: (iss) => (iss.input === undefined ? 'required' : 'bad_date') }).refine(isIsoDate, { error: 'bad_date' }),
    kodeSubsls: z
      .string({ error: (iss) => (iss.input === undefined ? 'required' : 'bad_code') })
      .regex(levelCodePattern('subsls'), { error: 'bad_code' }),
    kodePetugas: z
      .string({ error: (iss) => (iss.input === undefined ? 'required' : 'bad_officer_code') })
      .regex(OFFICER_CODE_PATTERN, { error: 'bad_officer_code' }),
    selesai: count,
    menolak: count,
    tidakDitemui: count,
    tidakDitemukan: count,
    keluargaBaru: count,
    catatan: z
      .string({ error: 'bad_text' })
      .max(500, { error: 'too_long' })
      // Control characters (NUL above all) cannot be stored and never belong in a note.
      .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f]*$/, { error: 'bad_text' })
      .optional(),
  },
  { error: (iss) => (iss.code === 'unrecognized_keys' ? 'unexpected_field' : 'not_object') },
);

export type ReportInput = z.infer<typeof dailyReportSchema>;

const PARAMS: Partial<Record<ReasonCode, Record<string, string | number>>> = {
  too_large: { max: MAX_COUNT },
  too_long: { max: 500 },
  bad_code: { digits: 16 },
};

/** The value as sent, for the reason text: cut at 200 characters; one nested too deep to write out (50,000 levels) as `[…]`. */
function shown(value: unknown): string {
  if (value === undefined) return '';
  let text: string;
  try {
    text = JSON.stringify(value) ?? '';
  } catch {
    text = Array.isArray(value) ? '[…]' : '{…}';
  }
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** Parses one JSON report; every failing field becomes a FieldError named by its JSON key. */
export function parseReportJson(input: unknown): { ok: true; value: ReportInput } | { ok: false; errors: FieldError[] } {
  const result = dailyReportSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const errors = result.error.issues.flatMap((issue): FieldError[] => {
    const code = issue.message as ReasonCode;
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ field: key, code: 'unexpected_field' }));
    const field = issue.path.length ? String(issue.path[0]) : '';
    const value = field && input && typeof input === 'object' ? shown((input as Record<string, unknown>)[field]) : '';
    return [{ field, code, params: { value, ...PARAMS[code] } }];
  });
  return { ok: false, errors };
}

/** selesai + menolak + tidak ditemui + tidak ditemukan ≤ prelist + keluarga baru; else the error. */
export function universeError(counts: OutcomeCounts, prelist: number, field = 'selesai'): FieldError | null {
  const sum = counts.selesai + counts.menolak + counts.tidakDitemui + counts.tidakDitemukan;
  const universe = prelist + counts.keluargaBaru;
  return sum <= universe ? null : { field, code: 'over_universe', params: { sum, universe } };
}

/** Fields whose cumulative count fell below the previous date's (accepted, but flagged). */
export function loweredFields(counts: OutcomeCounts, previous: OutcomeCounts | null): (keyof OutcomeCounts)[] {
  if (!previous) return [];
  return (['selesai', 'tidakDitemukan', 'keluargaBaru'] as const).filter((f) => counts[f] < previous[f]);
}
