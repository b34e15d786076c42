// A follow-up visit (tindak lanjut) to an SLS about its open refusals and not-met families:
// counts only, never names. Pure rules shared by the API, the form and the tests.

/** Who went: a fixed list, so the log can be counted (kelurahan staff, RT head, PML, PPL, camat). */
export const FOLLOWUP_PARTIES = ['staf_kelurahan', 'ketua_rt', 'pml', 'ppl', 'camat'] as const;
export type FollowupParty = (typeof FOLLOWUP_PARTIES)[number];

/** Roles that record follow-ups; each on SLS inside their own scope. */
export const FOLLOWUP_WRITERS = ['admin', 'camat', 'lurah', 'pml'] as const;

export const FOLLOWUP_NOTE_MAX = 200;

/**
 * A note that carries a 16-digit number (with or without spaces, dots or dashes between the
 * digits) looks like a NIK or KK number: refused, since Pantau stores no family's identity.
 */
export function looksLikeIdNumber(note: string): boolean {
  const digitsOnly = note.replace(/[\s.\-]/g, '');
  return /\d{16}/.test(digitsOnly);
}

export interface FollowupCounts {
  visited: number;
  agreed: number;
  stillRefusing: number;
}

export type FollowupCountProblem =
  | { field: 'visited'; code: 'above_open'; open: number }
  | { field: 'agreed'; code: 'above_visited' }
  | { field: 'stillRefusing'; code: 'above_rest' };

/**
 * The checks against the SLS on the visit's date: agreed ≤ visited ≤ open (refusals + not-met
 * that day), and still refusing ≤ visited − agreed (one family cannot both agree and refuse).
 */
export function checkFollowupCounts(c: FollowupCounts, open: number): FollowupCountProblem[] {
  const problems: FollowupCountProblem[] = [];
  if (c.visited > open) problems.push({ field: 'visited', code: 'above_open', open });
  if (c.agreed > c.visited) problems.push({ field: 'agreed', code: 'above_visited' });
  if (c.stillRefusing > c.visited - c.agreed) problems.push({ field: 'stillRefusing', code: 'above_rest' });
  return problems;
}

/** Totals of a set of follow-ups (for "Tindak lanjut minggu ini: 12 kunjungan, 7 keluarga bersedia"). */
export interface FollowupTotals {
  visits: number;
  visited: number;
  agreed: number;
  stillRefusing: number;
}

export function followupTotals(rows: readonly FollowupCounts[]): FollowupTotals {
  return rows.reduce<FollowupTotals>(
    (t, r) => ({ visits: t.visits + 1, visited: t.visited + r.visited, agreed: t.agreed + r.agreed, stillRefusing: t.stillRefusing + r.stillRefusing }),
    { visits: 0, visited: 0, agreed: 0, stillRefusing: 0 },
  );
}
