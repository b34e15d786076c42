import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { KpiCard } from '@/components/kpi-card';
import { DailyChartLazy } from '@/components/officers/daily-chart-lazy';
import { OfficerStatusBadge } from '@/components/officers/officer-status-badge';
import { SubslsTable } from '@/components/officers/subsls-table';
import { TeamTable } from '@/components/officers/team-table';
import { formatDate, formatNumber, formatPercent } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';
import { resolveAsOf } from '@/lib/domain/as-of';
import { officerCodeSchema } from '@/lib/domain/area-code-schemas';
import { isIsoDate } from '@/lib/domain/dates';
import { dataFor } from '@/lib/server/data';
import { getViewer } from '@/lib/server/viewer';
import { forecastText, statusReasonText, type StatusT } from '@/lib/status-text';

export const dynamic = 'force-dynamic';

export default async function OfficerPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<{ asOf?: string }> }) {
  const [{ code }, { asOf: asOfParam }] = await Promise.all([params, searchParams]);
  const viewer = await getViewer();
  if (!viewer || !officerCodeSchema.safeParse(code).success) notFound();
  const data = dataFor(viewer);
  const campaign = await data.getCampaign();
  if (!campaign) notFound();
  const asOf = resolveAsOf(campaign, asOfParam && isIsoDate(asOfParam) ? asOfParam : null);
  const detail = await data.getOfficer({ code, asOf, window: campaign });
  if (!detail) notFound();
  const locale = toLocale(await getLocale());
  const t = await getTranslations('officers');
  const tc = await getTranslations('common');
  const ts = (await getTranslations('status')) as unknown as StatusT;
  const reason = statusReasonText(detail.officer, ts, locale);
  const ta = await getTranslations('area');
  const { officer: o, supervisor, team, teamTotals, daily, subsls } = detail;
  const n = (v: number | null, d = 0) => formatNumber(v, locale, d);
  const perDay = (v: number | null) => (v === null ? '–' : t('perDay', { value: n(v, 1) }));
  const leads = o.role !== 'ppl';

  return (
    <div className="space-y-4">
      <nav className="text-sm text-slate-600">
        <Link href={`/petugas?asOf=${asOf}`} className="hover:underline">
          ← {t('detail.back')}
        </Link>
      </nav>
      <header className="flex flex-wrap items-end justify-between gap-2">
        <div className="min-w-0">
          <div className="text-xs uppercase tracking-wide text-slate-500">
            {t(`roles.${o.role}`)} · <span className="font-mono">{o.code}</span>
          </div>
          <h1 className="text-2xl font-semibold" data-testid="officer-name">
            {o.name}
          </h1>
          <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-600">
            <div className="flex gap-1">
              <dt>{t('detail.area')}:</dt>
              <dd>{[o.kelurahanName, o.kecamatanName].filter(Boolean).join(', ') || o.areaName}</dd>
            </div>
            {o.supervisorCode && o.role === 'ppl' ? (
              <div className="flex gap-1">
                <dt>{t('detail.supervisor')}:</dt>
                <dd>
                  {supervisor ? (
                    <Link href={`/petugas/${supervisor.code}?asOf=${asOf}`} className="text-brand hover:underline" data-testid="officer-supervisor">
                      {supervisor.name}
                    </Link>
                  ) : (
                    o.supervisorName
                  )}
                </dd>
              </div>
            ) : null}
            {o.phone ? (
              <div className="flex gap-1">
                <dt>{t('detail.phone')}:</dt>
                <dd>
                  <a href={`tel:${o.phone.replace(/[^\d+]/g, '')}`} className="text-brand hover:underline">
                    {o.phone}
                  </a>
                </dd>
              </div>
            ) : null}
          </dl>
        </div>
        <div className="text-sm text-slate-600 sm:text-right">
          <OfficerStatusBadge status={o.status} label={t(`status.${o.status}`)} reason={reason} />
          <div className="text-xs" data-testid="status-reason">
            {reason}
          </div>
          <div>
            {tc('asOf')} <strong>{formatDate(asOf, locale)}</strong>
          </div>
        </div>
      </header>

      <section className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        <KpiCard label={t('columns.target')} value={n(o.prelist)} testId="officer-target" hint={`${t('columns.subsls')}: ${n(o.subslsCount)}`} />
        <KpiCard label={t('columns.progres')} value={formatPercent(o.progres, locale)} hint={ta('plan', { value: formatPercent(o.expectedProgres, locale) })} />
        <KpiCard label={t('columns.selesai')} value={n(o.selesai)} testId="officer-selesai" hint={`${ta('tidakDitemukan')}: ${n(o.tidakDitemukan)}`} />
        <KpiCard label={t('columns.pace7')} value={perDay(o.pace7)} hint={`${t('columns.requiredPace')}: ${perDay(o.requiredPace)}`} />
        <KpiCard label={t('columns.projectedFinish')} value={forecastText({ ...o, status: o.forecastStatus }, campaign, ts, locale)} hint={tc(`status.${o.forecastStatus}`)} />
        <KpiCard label={t('columns.lastReport')} value={o.lastReport ? formatDate(o.lastReport, locale) : t('never')} hint={`${t('columns.daysSilent')}: ${n(o.daysSilent)}`} />
        <KpiCard label={t('columns.tingkatPenolakan')} value={formatPercent(o.tingkatPenolakan, locale)} hint={`${ta('menolak')}: ${n(o.menolak)}`} />
        <KpiCard label={ta('tidakDitemui')} value={n(o.tidakDitemui)} hint={`${ta('belumDikunjungi')}: ${n(o.belumDikunjungi)}`} />
      </section>

      {o.role === 'ppl' ? (
        <section className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm" data-testid="officer-flags">
          <h2 className="font-semibold">{t('detail.flagsTitle')}</h2>
          {o.flags.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600">{t('detail.noFlags')}</p>
          ) : (
            <ul className="mt-2 space-y-2">
              {o.flags.map((f) => (
                <li key={f.id} className="rounded border-l-4 border-amber-400 bg-amber-50 px-3 py-2 text-sm" data-flag={f.id}>
                  <strong className="block">{t(`flags.${f.id}`)}</strong>
                  {f.message[locale]}
                </li>
              ))}
            </ul>
          )}
          <p className="mt-2 text-xs text-slate-500">{t('detail.flagsNote')}</p>
        </section>
      ) : null}

      <section className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
        <h2 className="mb-2 font-semibold">{t('detail.chartTitle')}</h2>
        <DailyChartLazy points={daily} locale={locale} labels={{ closed: t('detail.chartClosed'), pace: t('detail.chartPace') }} />
      </section>

      <section className="rounded-lg border border-slate-200 bg-white shadow-sm">
        <h2 className="border-b border-slate-200 px-3 py-2 font-semibold">{t('detail.assignment')}</h2>
        {subsls.length === 0 ? <p className="p-3 text-sm text-slate-500">{t('detail.noAssignment')}</p> : <SubslsTable rows={subsls} asOf={asOf} showHolder={leads} />}
      </section>

      <section className="rounded-lg border border-slate-200 bg-white shadow-sm">
        <h2 className="border-b border-slate-200 px-3 py-2 font-semibold">
          {leads ? t('detail.team') : t('detail.teamOf', { name: supervisor?.name ?? o.supervisorName ?? '–' })}
        </h2>
        {team.length === 0 ? <p className="p-3 text-sm text-slate-500">{t('detail.noTeam')}</p> : <TeamTable rows={team} totals={teamTotals} current={o.code} asOf={asOf} />}
      </section>
    </div>
  );
}
