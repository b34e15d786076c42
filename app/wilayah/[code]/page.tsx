import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { KpiCard } from '@/components/kpi-card';
import { StatusBadge } from '@/components/status-badge';
import { formatDate, formatNumber, formatPercent } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';
import { getAreaView } from '@/lib/queries/area-view';
import { getDb } from '@/lib/server/database';
import { requireViewer } from '@/lib/server/viewer';

export const dynamic = 'force-dynamic';

export default async function AreaPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<{ asOf?: string }>;
}) {
  const [{ code }, { asOf }] = await Promise.all([params, searchParams]);
  const viewer = await requireViewer();
  if (!/^\d{4,16}$/.test(code)) notFound();
  const view = await getAreaView(await getDb(), viewer.scope, code, /^\d{4}-\d{2}-\d{2}$/.test(asOf ?? '') ? asOf : null);
  if (!view) notFound();
  const locale = toLocale(await getLocale());
  const t = await getTranslations('area');
  const tc = await getTranslations('common');
  const { area, breadcrumb, children } = view;
  const n = (v: number | null) => formatNumber(v, locale);
  const pct = (v: number | null) => formatPercent(v, locale);

  return (
    <div className="space-y-4">
      <nav aria-label="breadcrumb" className="text-sm text-slate-600">
        {breadcrumb.map((b) => (
          <span key={b.code}>
            <Link className="hover:underline" href={`/wilayah/${b.code}?asOf=${area.asOf}`}>
              {b.name}
            </Link>
            <span aria-hidden> › </span>
          </span>
        ))}
      </nav>
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <div className="text-xs uppercase tracking-wide text-slate-500">
            {tc(`levels.${area.level}`)} · {area.code}
            {area.kemendagriCode ? ` · ${area.kemendagriCode}` : ''}
          </div>
          <h1 className="text-2xl font-semibold">{area.name}</h1>
        </div>
        <div className="text-sm text-slate-600">
          {tc('asOf')} <strong>{formatDate(area.asOf, locale)}</strong>
        </div>
      </div>

      <section className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        <KpiCard label={t('target')} value={n(area.prelist)} testId="kpi-target" hint={`${t('keluargaBaru')}: ${n(area.keluargaBaru)}`} />
        <KpiCard label={t('progres')} value={pct(area.progres)} hint={t('plan', { value: pct(area.expectedProgres) })} />
        <KpiCard label={t('selesai')} value={n(area.selesai)} hint={`${t('cakupanSasaranAwal')}: ${pct(area.cakupanSasaranAwal)}`} />
        <KpiCard label={t('status')} value={<StatusBadge status={area.status} label={tc(`status.${area.status}`)} />} hint={`${t('projectedFinish')}: ${formatDate(area.projectedFinish, locale)}`} />
        <KpiCard label={t('tingkatPenolakan')} value={pct(area.tingkatPenolakan)} hint={`${t('menolak')}: ${n(area.menolak)}`} />
        <KpiCard label={t('tidakDitemui')} value={n(area.tidakDitemui)} />
        <KpiCard label={t('belumDikunjungi')} value={n(area.belumDikunjungi)} />
        <KpiCard
          label={t('pace7')}
          value={t('perDay', { value: formatNumber(area.pace7, locale) })}
          hint={`${t('requiredPace')}: ${area.requiredPace === null ? '–' : t('perDay', { value: formatNumber(area.requiredPace, locale) })}`}
        />
      </section>

      <section className="rounded-lg border border-slate-200 bg-white shadow-sm">
        <h2 className="border-b border-slate-200 px-3 py-2 font-semibold">{t('children')}</h2>
        {children.length === 0 ? (
          <p className="p-3 text-sm text-slate-500">{t('noChildren')}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
                <tr>
                  <th className="px-3 py-2">{t('name')}</th>
                  <th className="px-3 py-2 text-right">{t('target')}</th>
                  <th className="px-3 py-2 text-right">{t('progres')}</th>
                  <th className="px-3 py-2">{t('status')}</th>
                </tr>
              </thead>
              <tbody>
                {children.map((c) => (
                  <tr key={c.code} className="border-t border-slate-100">
                    <td className="px-3 py-2">
                      <Link className="text-brand hover:underline" href={`/wilayah/${c.code}?asOf=${area.asOf}`}>
                        {c.name}
                      </Link>
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">{n(c.prelist)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{pct(c.progres)}</td>
                    <td className="px-3 py-2">
                      <StatusBadge status={c.status} label={tc(`status.${c.status}`)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
