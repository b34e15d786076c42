import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { ActionForm, Field } from '@/components/action-form';
import { formatDateTime } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';
import { dataFor } from '@/lib/server/data';
import { requirePermission } from '@/lib/server/viewer';
import { issueTokenAction, revokeTokenAction } from './actions';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('tokens.title') };
}

export default async function TokensPage({ searchParams }: { searchParams: Promise<{ pengguna?: string }> }) {
  const viewer = await requirePermission('manageTokens');
  const { pengguna } = await searchParams;
  const data = dataFor(viewer);
  const [tokens, campaign] = await Promise.all([data.listApiTokens({ limit: 200 }), data.getCampaign()]);
  const [t, locale] = await Promise.all([getTranslations('admin'), getLocale().then(toLocale)]);
  const zone = campaign?.timezone ?? 'UTC';
  const when = (v: string | null) => (v ? formatDateTime(v, locale, zone) : t('tokens.never'));
  const now = new Date().toISOString();

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t('tokens.title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('tokens.intro')}</p>
      </div>

      <section className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
        <h2 className="mb-2 font-semibold">{t('tokens.issue')}</h2>
        <ActionForm action={issueTokenAction} submitLabel={t('tokens.create')} className="grid gap-3 sm:grid-cols-3" testId="issue-token">
          <Field label={t('tokens.user')} name="username" required defaultValue={pengguna?.slice(0, 64) ?? ''} autoCapitalize="none" />
          <Field label={t('tokens.name')} name="name" required placeholder={t('tokens.namePlaceholder')} />
          <Field label={t('tokens.expires')} name="expiresOn" type="date" />
        </ActionForm>
      </section>

      {tokens.length === 0 ? (
        <p className="text-sm text-slate-500">{t('tokens.none')}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
              <tr>
                <th className="px-3 py-2">{t('tokens.name')}</th>
                <th className="px-3 py-2">{t('tokens.user')}</th>
                <th className="hidden px-3 py-2 sm:table-cell">{t('tokens.createdAt')}</th>
                <th className="hidden px-3 py-2 sm:table-cell">{t('tokens.lastUsed')}</th>
                <th className="px-3 py-2">{t('tokens.status')}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((k) => {
                const expired = !!k.expiresAt && k.expiresAt < now;
                return (
                  <tr key={k.id} className="border-t border-slate-100 align-top">
                    <td className="px-3 py-2">
                      {k.name}
                      <div className="font-mono text-xs text-slate-500">{k.prefix}…</div>
                    </td>
                    <td className="px-3 py-2 font-mono text-[13px]">{k.username}</td>
                    <td className="hidden px-3 py-2 text-xs text-slate-600 sm:table-cell">
                      {when(k.createdAt)} · {k.createdBy}
                      {k.expiresAt ? <div>{`${t('tokens.expiresAt')}: ${when(k.expiresAt)}`}</div> : null}
                    </td>
                    <td className="hidden px-3 py-2 text-xs text-slate-600 sm:table-cell">{when(k.lastUsedAt)}</td>
                    <td className="px-3 py-2">
                      {k.revokedAt ? (
                        <span className="text-slate-500">{t('tokens.revoked')}</span>
                      ) : expired ? (
                        <span className="text-slate-500">{t('tokens.expired')}</span>
                      ) : (
                        <form action={revokeTokenAction}>
                          <input type="hidden" name="id" value={k.id} />
                          <button type="submit" className="rounded border border-red-300 px-2 py-0.5 text-xs text-red-700 hover:bg-red-50">
                            {t('tokens.revoke')}
                          </button>
                        </form>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
