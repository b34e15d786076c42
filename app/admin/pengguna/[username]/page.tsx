import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ActionForm, Field } from '@/components/action-form';
import { RootPicker } from '@/components/root-picker';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { ROLES } from '@/lib/domain/roles';
import { formatDateTime } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';
import { dataFor } from '@/lib/server/data';
import { requirePermission } from '@/lib/server/viewer';
import { resetPasswordAction, setAccessAction, setDisabledAction } from '../actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ username: string }> }): Promise<Metadata> {
  return { title: (await params).username };
}

export default async function UserPage({ params }: { params: Promise<{ username: string }> }) {
  const viewer = await requirePermission('manageUsers');
  const username = decodeURIComponent((await params).username).slice(0, 64);
  const data = dataFor(viewer);
  const [user, campaign, tokens, rootOptions] = await Promise.all([
    data.getUser(username),
    data.getCampaign(),
    data.listApiTokens({ limit: 20, username }),
    data.listRootOptions(),
  ]);
  if (!user) notFound();
  const [t, ta, locale] = await Promise.all([getTranslations('admin'), getTranslations('auth'), getLocale().then(toLocale)]);
  const zone = campaign?.timezone ?? 'UTC';
  const self = user.username === viewer.username;
  const hidden = <input type="hidden" name="username" value={user.username} />;

  return (
    <div className="max-w-2xl space-y-4">
      <Link href="/admin/pengguna" className="text-sm text-brand hover:underline">
        {t('users.back')}
      </Link>
      <div>
        <div className="text-xs uppercase tracking-wide text-slate-500">
          {ta(`roles.${user.role}`)} · {user.areaCode ?? user.officerCode} · {user.rootName ?? '–'}
        </div>
        <h1 className="font-mono text-2xl font-semibold">{user.username}</h1>
        <p className="text-sm text-slate-600">
          {user.name} · <span className={user.disabled ? 'text-red-700' : 'text-green-700'}>{user.disabled ? t('users.disabled') : t('users.active')}</span>
          {user.demo ? ` · ${t('users.demo')}` : ''} · {t('users.lastLogin')}: {user.lastLoginAt ? formatDateTime(user.lastLoginAt, locale, zone) : t('users.never')}
        </p>
      </div>

      {self ? null : (
        <section className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
          <h2 className="mb-2 font-semibold">{t('users.access')}</h2>
          <ActionForm action={setAccessAction} submitLabel={t('users.saveAccess')} className="grid gap-3 sm:grid-cols-2" testId="set-access">
            {hidden}
            <label className="block">
              <span className="text-sm font-medium text-slate-700">{t('users.role')}</span>
              <select name="role" defaultValue={user.role} className="mt-1 block w-full rounded border border-slate-300 bg-white px-3 py-2 text-sm">
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {ta(`roles.${r}`)} — {ta(`roleHints.${r}`)}
                  </option>
                ))}
              </select>
            </label>
            <RootPicker label={t('users.root')} hint={t('users.rootHint')} options={rootOptions} defaultCode={user.areaCode ?? user.officerCode ?? undefined} />
          </ActionForm>
        </section>
      )}

      <section className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
        <h2 className="mb-2 font-semibold">{t('users.resetPassword')}</h2>
        <ActionForm action={resetPasswordAction} submitLabel={t('users.reset')} testId="reset-password">
          {hidden}
          <Field label={t('users.password')} name="password" type="password" autoComplete="new-password" hint={`${t('users.resetHint')} ${t('users.passwordHint', { min: MIN_PASSWORD_LENGTH })}`} />
        </ActionForm>
      </section>

      {self ? null : (
        <section className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
          <h2 className="mb-1 font-semibold">{user.disabled ? t('users.enable') : t('users.disable')}</h2>
          <p className="mb-2 text-sm text-slate-600">{t('users.disableHint')}</p>
          <ActionForm action={setDisabledAction} submitLabel={user.disabled ? t('users.enable') : t('users.disable')} testId="set-disabled" danger={!user.disabled}>
            {hidden}
            <input type="hidden" name="disabled" value={user.disabled ? '0' : '1'} />
          </ActionForm>
        </section>
      )}

      <section className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
        <h2 className="mb-2 font-semibold">{t('users.tokens')}</h2>
        {tokens.length === 0 ? (
          <p className="text-sm text-slate-500">{t('tokens.none')}</p>
        ) : (
          <ul className="text-sm">
            {tokens.map((k) => (
              <li key={k.id}>
                <code className="font-mono">{k.prefix}…</code> {k.name} · {k.revokedAt ? t('tokens.revoked') : t('tokens.active')}
              </li>
            ))}
          </ul>
        )}
        <Link href={`/admin/token?pengguna=${encodeURIComponent(user.username)}`} className="mt-2 inline-block text-sm text-brand hover:underline">
          {t('tokens.issue')} ›
        </Link>
      </section>
    </div>
  );
}
