import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { formatDate, formatNumber } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';
import type { SilentGroup } from '@/lib/queries/officer-silent';
import { RemindLink } from '@/components/share/remind-link';
import { OfficerStatusBadge } from './officer-status-badge';

function Phone({ number, none }: { number: string | null; none: string }) {
  if (!number) return <span className="text-slate-500">{none}</span>;
  return (
    <a href={`tel:${number.replace(/[^\d+]/g, '')}`} className="whitespace-nowrap text-brand hover:underline">
      {number}
    </a>
  );
}

/** "Belum lapor hari ini": PPL without a report for the date, by kecamatan, then PML. */
export function SilentList({ groups, asOf, total }: { groups: SilentGroup[]; asOf: string; total: number }) {
  const t = useTranslations('officers');
  const locale = toLocale(useLocale());
  const date = formatDate(asOf, locale);
  if (total === 0) return <p className="rounded-lg border border-slate-200 bg-white p-3 text-sm">{t('silent.none', { date })}</p>;
  return (
    <div className="space-y-4" data-testid="silent-list">
      <p className="text-sm text-slate-600">{t('silent.intro', { date })}</p>
      {groups.map((g) => (
        <section key={g.kecamatanCode ?? '-'} className="rounded-lg border border-slate-200 bg-white shadow-sm">
          <h2 className="flex items-baseline justify-between gap-2 border-b border-slate-200 px-3 py-2 font-semibold">
            <span>{g.kecamatanName ?? '–'}</span>
            <span className="text-xs font-normal text-slate-500">{t('silent.count', { count: formatNumber(g.teams.reduce((n, team) => n + team.officers.length, 0), locale) })}</span>
          </h2>
          {g.teams.map((team) => (
            <div key={team.supervisorCode ?? '-'} className="border-b border-slate-100 px-3 py-2 last:border-b-0">
              <h3 className="flex flex-wrap items-baseline gap-x-3 text-sm font-medium">
                <span>{t('silent.pml', { name: team.supervisorName ?? '–' })}</span>
                {team.supervisorPhone ? <Phone number={team.supervisorPhone} none="" /> : null}
                <RemindLink phone={team.supervisorPhone} asOf={asOf} supervisorName={team.supervisorName ?? '–'} team={team.officers} />
              </h3>
              <ul className="mt-1 divide-y divide-slate-100">
                {team.officers.map((o) => (
                  <li key={o.code} className="flex flex-wrap items-center justify-between gap-x-3 gap-y-0.5 py-1.5 text-sm" data-testid="silent-officer" data-code={o.code}>
                    <span className="min-w-0">
                      <Link href={`/petugas/${o.code}?asOf=${asOf}`} className="font-medium text-brand hover:underline">
                        {o.name}
                      </Link>{' '}
                      <span className="font-mono text-xs text-slate-500">{o.code}</span>
                      <span className="block text-xs text-slate-500">
                        {o.kelurahanName} · {t('silent.lastReport')}: {o.lastReport ? formatDate(o.lastReport, locale) : t('never')}
                      </span>
                    </span>
                    <span className="flex items-center gap-3">
                      <OfficerStatusBadge status={o.status} label={t(`status.${o.status}`)} />
                      <Phone number={o.phone} none={t('silent.noPhone')} />
                      <RemindLink phone={o.phone} asOf={asOf} officer={o} />
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
