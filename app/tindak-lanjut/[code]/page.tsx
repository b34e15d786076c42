import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { AreaFollowups } from '@/components/followup/area-followups';
import { FollowupForm } from '@/components/followup/followup-form';
import { RefusalCards } from '@/components/followup/refusal-cards';
import { areaCodeSchema } from '@/lib/domain/area-code-schemas';
import { isIsoDate } from '@/lib/domain/dates';
import { openCases } from '@/lib/domain/refusals';
import { formatDate, formatNumber, formatPercent } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';
import { mayRecordFollowups } from '@/lib/ingest/record-followup';
import { resolveAsOf } from '@/lib/domain/as-of';
import { dataFor } from '@/lib/server/data';
import { requireViewer } from '@/lib/server/viewer';

export const dynamic = 'force-dynamic';

interface Props {
  params: Promise<{ code: string }>;
  searchParams: Promise<{ asOf?: string }>;
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('followup'))('title') };
}

const signed = (n: number, locale: 'id' | 'en') => (n > 0 ? `+${formatNumber(n, locale)}` : formatNumber(n, locale));

/** "Tindak lanjut penolakan": the viewer's SLS by open refusals + not-met, the form, the log, the printouts. */
export default async function FollowupPage({ params, searchParams }: Props) {
  const [{ code }, query] = await Promise.all([params, searchParams]);
  const viewer = await requireViewer();
  if (!areaCodeSchema.safeParse(code).success) notFound();
  const data = dataFor(viewer);
  const campaign = await data.getCampaign();
  if (!campaign) notFound();
  const asOf = resolveAsOf(campaign, query.asOf && isIsoDate(query.asOf) ? query.asOf : null);
  const list = await data.getFollowupList({ code, asOf });
  if (!list) notFound();
  const [t, locale] = await Promise.all([getTranslations('followup'), getLocale().then(toLocale)]);
  const a = list.area;
  const file = (format: string) => `/api/v1/areas/${a.code}/refusals?${new URLSearchParams({ asOf, format })}`;
  // Only SLS with something left to follow up; a kota has a thousand SLS, the phone shows the worst 200.
  const open = list.sls.filter((r) => openCases(r) > 0).slice(0, 200);
  const options = open.map((r) => ({ code: r.code, name: r.name, open: openCases(r) }));
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <header>
        <h1 className="text-2xl font-semibold">
          {t('title')} — {a.name}
        </h1>
        <p className="mt-1 text-sm text-slate-600">{t('intro', { date: formatDate(asOf, locale) })}</p>
      </header>
      <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-label={t('title')}>
        <p className="text-lg font-semibold text-green-800" data-testid="converted-week">
          {t('converted', { count: a.convertedThisWeek })}
        </p>
        <p className="mt-1 text-sm">
          {t('summary', {
            menolak: formatNumber(a.menolak, locale),
            menolakChange: signed(a.menolakChange, locale),
            tidakDitemui: formatNumber(a.tidakDitemui, locale),
            tidakDitemuiChange: signed(a.tidakDitemuiChange, locale),
            konversi: formatPercent(a.konversiPenolakan, locale),
          })}{' '}
          <Link href="/glosarium#konversiPenolakan" className="text-blue-800 underline">
            {t('metrics.konversiPenolakan.label')}
          </Link>
        </p>
        <p className="mt-3 flex flex-wrap gap-3 text-sm">
          <span className="font-medium">{t('download')}:</span>
          <a className="text-blue-800 underline" href={file('pdf')}>
            {t('downloadPdf')}
          </a>
          <a className="text-blue-800 underline" href={file('csv')}>
            {t('downloadCsv')}
          </a>
          <a className="text-blue-800 underline" href={file('xlsx')}>
            {t('downloadXlsx')}
          </a>
          {viewer.scope.kind === 'area' && a.level !== 'subsls' ? (
            <Link className="text-blue-800 underline" href={`/rekonsiliasi/${a.code}?asOf=${asOf}`}>
              {t('drift.title')}
            </Link>
          ) : null}
        </p>
      </section>
      {mayRecordFollowups(viewer) && options.length > 0 ? <FollowupForm options={options} date={asOf} min={campaign.startDate} max={campaign.lastReportDate} /> : null}
      {a.level === 'kota' || a.level === 'kecamatan' ? <RefusalCards title={t('children')} rows={list.children} locale={locale} hrefBase="/tindak-lanjut/" asOf={asOf} /> : null}
      <RefusalCards title={t('slsList')} rows={open} locale={locale} hrefBase="/wilayah/" asOf={asOf} />
      {a.level === 'kelurahan' || a.level === 'sls' ? <AreaFollowups code={a.code} level={a.level} asOf={asOf} link={false} /> : null}
    </div>
  );
}
