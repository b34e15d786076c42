// POST /api/v1/followups: a follow-up visit → shape (zod) → no identity in the note → the SLS in
// the writer's scope → counts against the SLS's open cases that day → one transaction (current
// row, history row, audit entry). Every refusal names the field, in both languages.
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { ApiError } from '@/lib/api/errors';
import { followupBodySchema } from '@/lib/api/followup-schemas';
import { invalidInput } from '@/lib/api/handler';
import { recordAudit } from '@/lib/audit/record';
import type { Db } from '@/lib/db/client';
import { checkFollowupCounts, FOLLOWUP_WRITERS, looksLikeIdNumber, type FollowupCountProblem } from '@/lib/domain/followup';
import { openCases } from '@/lib/domain/refusals';
import type { Viewer } from '@/lib/domain/roles';
import type { Locale } from '@/lib/i18n/config';
import type { Campaign } from '@/lib/queries/campaign';
import { getFollowup, getSlsOpenCases, listFollowupVersions, writeFollowup, type Followup } from '@/lib/queries/followups';

type Actor = Pick<Viewer, 'username' | 'role' | 'scope'>;

export function mayRecordFollowups(actor: Pick<Viewer, 'role'>): boolean {
  return (FOLLOWUP_WRITERS as readonly string[]).includes(actor.role);
}

/** A 400 naming one field, in both languages. */
function fieldError(field: string, id: string, en: string, locale: Locale): ApiError {
  return new ApiError('bad_request', { id: `Isi permintaan tidak valid — ${field}: ${id}.`, en: `Invalid request body — ${field}: ${en}.` }, [
    { field, reason: locale === 'id' ? id : en },
  ]);
}

function countError(p: FollowupCountProblem, locale: Locale): ApiError {
  switch (p.code) {
    case 'above_open':
      return fieldError(
        p.field,
        `lebih dari penolakan + tidak ditemui SLS ini pada tanggal itu (${p.open})`,
        `more than this SLS's refusals + not-met on that date (${p.open})`,
        locale,
      );
    case 'above_visited':
      return fieldError(p.field, 'lebih dari jumlah keluarga yang dikunjungi', 'more than the families visited', locale);
    case 'above_rest':
      return fieldError(p.field, 'lebih dari dikunjungi dikurangi bersedia', 'more than visited minus agreed', locale);
  }
}

export interface RecordResult {
  followup: Followup;
  versions: number;
}

/** Records (or edits: a new version) one follow-up as `actor`; out-of-scope SLS or follow-up → 404. */
export async function recordFollowup(
  db: Db,
  actor: Actor,
  campaign: Campaign,
  body: unknown,
  opts: { locale: Locale; ip?: string | null },
): Promise<RecordResult> {
  if (!mayRecordFollowups(actor)) throw new ApiError('not_found');
  const parsed = followupBodySchema.safeParse(body);
  if (!parsed.success) throw invalidInput(followupBodySchema as z.ZodType, body, opts.locale, 'body');
  const input = { ...parsed.data, note: parsed.data.note ? parsed.data.note : null };
  // Control characters (NUL above all) cannot be stored and never belong in a note.
  if (input.note && /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(input.note)) {
    throw fieldError('note', 'berisi karakter kendali', 'holds control characters', opts.locale);
  }
  if (input.note && looksLikeIdNumber(input.note)) {
    throw fieldError('note', 'tampak berisi NIK/nomor KK (16 digit); jangan tulis identitas keluarga', 'looks like it holds an NIK/KK number (16 digits); never write a family’s identity', opts.locale);
  }
  if (input.tanggal < campaign.startDate || input.tanggal > campaign.lastReportDate) {
    throw fieldError('tanggal', `harus di antara ${campaign.startDate} dan ${campaign.lastReportDate}`, `must be between ${campaign.startDate} and ${campaign.lastReportDate}`, opts.locale);
  }
  const kodeKota = actor.scope.kodeKota;
  return db.transaction(async (tx) => {
    // One writer at a time per follow-up id: two edits never claim the same version.
    if (input.id !== undefined) await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`followup:${kodeKota}:${input.id}`}))`);
    const previous = input.id === undefined ? null : await getFollowup(tx, actor.scope, input.id);
    if (input.id !== undefined && !previous) throw new ApiError('not_found');
    const open = await getSlsOpenCases(tx, actor.scope, input.kodeSls, input.tanggal);
    if (!open) throw new ApiError('not_found');
    const [problem] = checkFollowupCounts(input, openCases(open));
    if (problem) throw countError(problem, opts.locale);
    const version = (previous?.version ?? 0) + 1;
    const followup = await writeFollowup(tx, actor.scope, input, { username: actor.username, version });
    await recordAudit(tx, {
      kodeKota,
      actor: actor.username,
      action: 'followup.record',
      target: `followup:${followup.id}`,
      detail: { kodeSls: input.kodeSls, tanggal: input.tanggal, version, visited: input.visited, agreed: input.agreed, stillRefusing: input.stillRefusing },
      ip: opts.ip ?? null,
    });
    const versions = (await listFollowupVersions(tx, actor.scope, followup.id)).length;
    return { followup, versions };
  });
}
