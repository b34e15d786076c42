import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { areaCodeSchema } from '@/lib/domain/area-code-schemas';
import { isIsoDate } from '@/lib/domain/dates';
import { DRIFT_Z_THRESHOLD } from '@/lib/domain/prelist-drift';
import { formatDate, formatNumber, formatPercent } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';
import { resolveAsOf } from '@/lib/domain/as-of';
import { dataFor } from '@/lib/server/data';
import { requireViewer } from '@/lib/server/viewer';

export const dynamic = 'force-dynamic';

interface Props {
  params: Promise<{ code: string }>;
  searchParams: Promise<{ asOf?: string }>;
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('followup'))('drift.title') };
}

/** "Rekonsiliasi prelist": SLS drifting from their prelist, flagged first (city head, camat, lurah). */
export default async function DriftPage({ params, searchParams }: Props) {
  const [{ code }, query] = await Promise.all([params, searchParams]);
  const viewer = await requireViewer();
  if (!areaCodeSchema.safeParse(code).success) notFound();
  const data = dataFor(viewer);
  const campaign = await data.getCampaign();
  if (!campaign) notFound();
  const asOf = resolveAsOf(campaign, query.asOf && isIsoDate(query.asOf) ? query.asOf : null);
  const rows = await data.listPrelistDrift({ code, asOf });
  if (!rows) notFound();
  const [t, locale] = await Promise.all([getTranslations('followup'), getLocale().then(toLocale)]);
  const d = (k: string) => t(`drift.columns.${k}`);
  const file = (format: string) => `/api/v1/areas/${code}/prelist-drift?${new URLSearchParams({ asOf, format })}`;
  const shown = rows.slice(0, 300);
  const z = (v: number | null) => (v === null ? '–' : Number.isFinite(v) ? formatNumber(v, locale, 1) : '∞');
  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <header>
        <h1 className="text-2xl font-semibold">{t('drift.title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('drift.intro', { date: formatDate(asOf, locale), threshold: formatNumber(DRIFT_Z_THRESHOLD, locale, 1) })}</p>
        <p className="mt-2 flex gap-3 text-sm">
          <span className="font-medium">{t('download')}:</span>
          <a className="text-blue-800 underline" href={file('csv')}>
            {t('downloadCsv')}
          </a>
          <a className="text-blue-800 underline" href={file('xlsx')}>
            {t('downloadXlsx')}
          </a>
        </p>
      </header>
      {rows.length === 0 ? <p className="text-sm text-slate-600">{t('drift.empty')}</p> : null}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm" role="region" aria-label={t('drift.title')} tabIndex={0}>
        <table className="min-w-full text-sm" data-testid="drift-table">
          <thead className="bg-slate-100 text-left">
            <tr>
              <th className="px-2 py-2">{t('columns.kelurahan')}</th>
              <th className="px-2 py-2">{t('columns.sls')}</th>
              <th className="px-2 py-2 text-right">{d('prelist')}</th>
              <th className="px-2 py-2 text-right">{d('baruShare')}</th>
              <th className="px-2 py-2 text-right">{d('tidakDitemukanShare')}</th>
              <th className="px-2 py-2 text-right">{d('z')}</th>
              <th className="px-2 py-2">{d('flag')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {shown.map((r) => (
              <tr key={r.code} className={r.flagged ? 'bg-amber-50' : undefined}>
                <td className="px-2 py-1">{r.kelurahanName}</td>
                <td className="px-2 py-1">
                  {r.name} <span className="font-mono text-xs text-slate-600">{r.code}</span>
                </td>
                <td className="px-2 py-1 text-right">{formatNumber(r.prelist, locale)}</td>
                <td className="px-2 py-1 text-right">{formatPercent(r.baruShare, locale)}</td>
                <td className="px-2 py-1 text-right">{formatPercent(r.tidakDitemukanShare, locale)}</td>
                <td className="px-2 py-1 text-right">{z(r.z)}</td>
                <td className="px-2 py-1 font-medium">{r.flagged ? t('drift.flagged') : t('drift.ok')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
