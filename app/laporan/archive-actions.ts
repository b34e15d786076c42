'use server';

import type { ActionResult } from '@/components/action-form';
import { isIsoDate } from '@/lib/domain/dates';
import { rewriteArchiveDay } from '@/lib/server/jobs';
import { getTranslations } from 'next-intl/server';
import { adminAction } from '../admin/admin-context';

/**
 * The admin button: (re)makes the archive of any day of the campaign. It runs in the
 * background (about a minute); the day's claim in archive_run keeps a second click or the
 * morning schedule from writing it at the same time, and a failure is recorded there.
 */
export async function makeArchiveAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const ctx = await adminAction('importData');
  if (!ctx) return { ok: false, message: 'Not found' };
  const t = await getTranslations('archive');
  const campaign = await ctx.data.getCampaign();
  if (!campaign) return { ok: false, message: 'Not found' };
  const date = String(form.get('date') ?? '');
  if (!isIsoDate(date) || date < campaign.startDate || date > campaign.lastReportDate) {
    return { ok: false, message: t('invalidDate', { from: campaign.startDate, to: campaign.lastReportDate }) };
  }
  void rewriteArchiveDay(ctx.viewer, date).catch((error: unknown) => console.error('[arsip] gagal:', error));
  return { ok: true, message: t('started', { date }) };
}
