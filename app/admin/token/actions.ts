'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionResult } from '@/components/action-form';
import { isIsoDate } from '@/lib/domain/dates';
import { adminAction, fieldList } from '../admin-context';

const issueSchema = z.object({
  username: z.string().trim().toLowerCase().min(1).max(64),
  name: z.string().trim().min(1).max(120),
  expiresOn: z
    .string()
    .transform((v) => v || null)
    .refine((v) => v === null || isIsoDate(v)),
});

export async function issueTokenAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const ctx = await adminAction('manageTokens');
  if (!ctx) return { ok: false, message: 'Not found' };
  const { t } = ctx;
  const input = issueSchema.safeParse({ ...Object.fromEntries(form), expiresOn: String(form.get('expiresOn') ?? '') });
  if (!input.success) return { ok: false, message: t('tokens.errors.invalid', { fields: fieldList(input.error.issues) }) };
  const issued = await ctx.data.issueApiToken(input.data);
  if (!issued) return { ok: false, message: t('tokens.errors.not_found', { username: input.data.username }) };
  revalidatePath('/admin/token');
  return { ok: true, message: t('tokens.issued', { username: input.data.username }), secret: issued.token, secretNote: t('users.shownOnce') };
}

/** Revokes a token (a plain form: the list re-renders with it marked revoked). */
export async function revokeTokenAction(form: FormData): Promise<void> {
  const ctx = await adminAction('manageTokens');
  if (!ctx) return;
  await ctx.data.revokeApiToken(String(form.get('id') ?? '').slice(0, 64));
  revalidatePath('/admin/token');
}
