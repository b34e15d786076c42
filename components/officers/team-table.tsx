import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import type { OfficerRow } from '@/lib/queries/officers';
import { formatDate, formatNumber, formatPercent } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';
import { OfficerStatusBadge } from './officer-status-badge';

/** A team's members and, last, the team total as the query computed it (sums, then ratios). */
export function TeamTable({ rows, totals, current, asOf }: { rows: OfficerRow[]; totals: OfficerRow | null; current: string; asOf: string }) {
  const t = useTranslations('officers');
  const locale = toLocale(useLocale());
  const n = (v: number | null, d = 0) => formatNumber(v, locale, d);
  const cells = (r: OfficerRow) => (
    <>
      <td className="px-2 py-1.5 text-right tabular-nums">{n(r.prelist)}</td>
      <td className="px-2 py-1.5 text-right tabular-nums">{n(r.selesai)}</td>
      <td className="px-2 py-1.5 text-right tabular-nums">{formatPercent(r.progres, locale)}</td>
      <td className="whitespace-nowrap px-2 py-1.5 text-right tabular-nums">{t('perDay', { value: n(r.pace7, 1) })}</td>
      <td className="whitespace-nowrap px-2 py-1.5 text-right tabular-nums">{r.lastReport ? formatDate(r.lastReport, locale) : t('never')}</td>
      <td className="px-2 py-1.5">
        <OfficerStatusBadge status={r.status} label={t(`status.${r.status}`)} />
      </td>
    </>
  );
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="team-table">
        <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
          <tr>
            <th className="px-2 py-2">{t('columns.officer')}</th>
            <th className="px-2 py-2 text-right">{t('columns.target')}</th>
            <th className="px-2 py-2 text-right">{t('columns.selesai')}</th>
            <th className="px-2 py-2 text-right">{t('columns.progres')}</th>
            <th className="px-2 py-2 text-right">{t('columns.pace7')}</th>
            <th className="px-2 py-2 text-right">{t('columns.lastReport')}</th>
            <th className="px-2 py-2">{t('columns.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code} className={`border-t border-slate-100 ${r.code === current ? 'bg-blue-50' : ''}`}>
              <td className="px-2 py-1.5">
                <Link href={`/petugas/${r.code}?asOf=${asOf}`} className="font-medium text-brand hover:underline">
                  {r.name}
                </Link>{' '}
                <span className="font-mono text-xs text-slate-600">{r.code}</span>
              </td>
              {cells(r)}
            </tr>
          ))}
        </tbody>
        {totals ? (
          <tfoot>
            <tr className="border-t-2 border-slate-300 font-semibold" data-testid="team-totals">
              <td className="px-2 py-1.5">{t('detail.teamTotals')}</td>
              {cells(totals)}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
