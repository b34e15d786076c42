import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { ActionForm, Field } from '@/components/action-form';
import { Pager } from '@/components/pager';
import { RootPicker } from '@/components/root-picker';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password';
import { ROLES, isRole } from '@/lib/domain/roles';
import { formatDateTime } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';
import { dataFor } from '@/lib/server/data';
import { requirePermission } from '@/lib/server/viewer';
import { createUserAction } from './actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('users.title') };
}

const PAGE_SIZE = 50;

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ q?: string; peran?: string; hal?: string }> }) {
  const viewer = await requirePermission('manageUsers');
  const params = await searchParams;
  const role = isRole(params.peran) ? params.peran : undefined;
  const page = Math.max(1, Math.min(10_000, Number.parseInt(params.hal ?? '1', 10) || 1));
  const data = dataFor(viewer);
  const [{ rows, total }, campaign, roots, rootOptions] = await Promise.all([
    data.listUsers({ q: params.q?.slice(0, 64), role, page, pageSize: PAGE_SIZE }),
    data.getCampaign(),
    data.listRootAreas(),
    data.listRootOptions(),
  ]);
  const [t, ta, locale] = await Promise.all([getTranslations('admin'), getTranslations('auth'), getLocale().then(toLocale)]);
  const zone = campaign?.timezone ?? 'UTC';
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const hrefFor = (p: number) => `/admin/pengguna?${new URLSearchParams({ ...(params.q ? { q: params.q } : {}), ...(role ? { peran: role } : {}), hal: String(p) })}`;

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t('users.title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('users.intro', { kota: roots.find((a) => a.level === 'kota')?.name ?? viewer.scope.kodeKota })}</p>
      </div>

      <details className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
        <summary className="cursor-pointer font-medium text-brand">{t('users.create')}</summary>
        <ActionForm action={createUserAction} submitLabel={t('users.save')} className="mt-3 grid gap-3 sm:grid-cols-2" testId="create-user">
          <Field label={t('users.username')} name="username" required autoCapitalize="none" pattern="[a-z0-9][a-z0-9._\-]{2,63}" />
          <Field label={t('users.name')} name="name" required />
          <label className="block">
            <span className="text-sm font-medium text-slate-700">{t('users.role')}</span>
            <select name="role" required className="mt-1 block w-full rounded border border-slate-300 bg-white px-3 py-2 text-sm">
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ta(`roles.${r}`)} — {ta(`roleHints.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <RootPicker label={t('users.root')} hint={t('users.rootHint')} options={rootOptions} />
          <Field label={t('users.password')} name="password" type="password" autoComplete="new-password" hint={t('users.passwordHint', { min: MIN_PASSWORD_LENGTH })} />
        </ActionForm>
      </details>

      <form method="get" className="flex flex-wrap gap-2" role="search" aria-label={t('users.search')}>
        <input
          name="q"
          type="search"
          defaultValue={params.q ?? ''}
          placeholder={t('users.search')}
          aria-label={t('users.search')}
          className="min-w-0 basis-full rounded border border-slate-300 px-3 py-2 text-sm sm:flex-1 sm:basis-auto"
        />
        <select name="peran" defaultValue={role ?? ''} aria-label={t('users.role')} className="rounded border border-slate-300 bg-white px-2 py-2 text-sm">
          <option value="">{t('users.allRoles')}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ta(`roles.${r}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-50">
          {t('users.filter')}
        </button>
      </form>

      <p className="text-sm text-slate-600">{t('users.count', { count: total })}</p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="w-full text-sm">
          <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
            <tr>
              <th className="px-3 py-2">{t('users.username')}</th>
              <th className="px-3 py-2">{t('users.role')}</th>
              <th className="hidden px-3 py-2 sm:table-cell">{t('users.root')}</th>
              <th className="px-3 py-2">{t('users.status')}</th>
              <th className="hidden px-3 py-2 md:table-cell">{t('users.lastLogin')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((u) => (
              <tr key={u.id} className="border-t border-slate-100 align-top">
                <td className="px-3 py-2">
                  <Link className="font-mono text-[13px] text-brand hover:underline" href={`/admin/pengguna/${u.username}`}>
                    {u.username}
                  </Link>
                  <div className="text-xs text-slate-500">{u.name}</div>
                </td>
                <td className="px-3 py-2">{ta(`roles.${u.role}`)}</td>
                <td className="hidden px-3 py-2 sm:table-cell">
                  <span className="font-mono text-xs">{u.areaCode ?? u.officerCode}</span>
                  <div className="text-xs text-slate-500">{u.rootName ?? '–'}</div>
                </td>
                <td className="px-3 py-2">
                  <span className={u.disabled ? 'text-red-700' : 'text-green-700'}>{u.disabled ? t('users.disabled') : t('users.active')}</span>
                  {u.demo ? <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-800">{t('users.demo')}</span> : null}
                </td>
                <td className="hidden px-3 py-2 text-xs text-slate-600 md:table-cell">{u.lastLoginAt ? formatDateTime(u.lastLoginAt, locale, zone) : t('users.never')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={page} pages={pages} hrefFor={hrefFor} labels={{ prev: t('users.prev'), next: t('users.next'), page: t('users.page', { page, pages }) }} />
    </div>
  );
}
