'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionResult } from '@/components/action-form';
import { accessSchema, generatePassword, newUserSchema, passwordSchema } from '@/lib/auth/users';
import { adminAction, fieldList } from '../admin-context';

const DENIED: ActionResult = { ok: false, message: 'Not found' };

/** An empty password field means: generate one (shown once). */
function passwordOf(form: FormData): { password: string; generated: boolean } {
  const typed = String(form.get('password') ?? '');
  return typed ? { password: typed, generated: false } : { password: generatePassword(), generated: true };
}

export async function createUserAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const ctx = await adminAction('manageUsers');
  if (!ctx) return DENIED;
  const { t } = ctx;
  const { password, generated } = passwordOf(form);
  const input = newUserSchema.safeParse({ ...Object.fromEntries(form), password });
  if (!input.success) return { ok: false, message: t('users.errors.invalid', { fields: fieldList(input.error.issues) }) };
  const result = await ctx.data.createUser(input.data);
  if (!result.ok) return { ok: false, message: t(`users.errors.${result.error}`, { ...input.data }) };
  revalidatePath('/admin/pengguna');
  return {
    ok: true,
    message: t('users.created', { username: input.data.username }),
    ...(generated ? { secret: password, secretNote: t('users.shownOnce') } : {}),
  };
}

export async function setAccessAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const ctx = await adminAction('manageUsers');
  if (!ctx) return DENIED;
  const { t } = ctx;
  const username = String(form.get('username') ?? '');
  const input = accessSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, message: t('users.errors.invalid', { fields: fieldList(input.error.issues) }) };
  const result = await ctx.data.setUserAccess(username, input.data);
  if (!result.ok) return { ok: false, message: t(`users.errors.${result.error}`, { ...input.data, username }) };
  revalidatePath(`/admin/pengguna/${username}`);
  return { ok: true, message: t('users.accessSaved', { username }) };
}

export async function resetPasswordAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const ctx = await adminAction('manageUsers');
  if (!ctx) return DENIED;
  const { t } = ctx;
  const username = String(form.get('username') ?? '');
  const { password, generated } = passwordOf(form);
  if (!passwordSchema.safeParse(password).success) return { ok: false, message: t('users.errors.invalid', { fields: 'password' }) };
  const result = await ctx.data.resetUserPassword(username, password);
  if (!result.ok) return { ok: false, message: t(`users.errors.${result.error}`) };
  return { ok: true, message: t('users.passwordSet', { username }), ...(generated ? { secret: password, secretNote: t('users.shownOnce') } : {}) };
}

const disableSchema = z.object({ username: z.string().min(1), disabled: z.enum(['0', '1']) });

export async function setDisabledAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const ctx = await adminAction('manageUsers');
  if (!ctx) return DENIED;
  const { t } = ctx;
  const input = disableSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, message: t('users.errors.invalid', { fields: fieldList(input.error.issues) }) };
  const result = await ctx.data.setUserDisabled(input.data.username, input.data.disabled === '1');
  if (!result.ok) return { ok: false, message: t(`users.errors.${result.error}`) };
  revalidatePath(`/admin/pengguna/${input.data.username}`);
  return { ok: true, message: input.data.disabled === '1' ? t('users.disabled') : t('users.active') };
}
