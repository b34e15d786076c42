import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { StatusBadge } from '@/components/status-badge';
import type { SubslsProgress } from '@/lib/queries/officers';
import { formatDate, formatNumber, formatPercent } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';
import { statusReasonText, type StatusT } from '@/lib/status-text';

/** The sub-SLS an officer holds, each linked to its area page. */
export function SubslsTable({ rows, asOf, showHolder }: { rows: SubslsProgress[]; asOf: string; showHolder: boolean }) {
  const t = useTranslations('officers');
  const tc = useTranslations('common');
  const ts = useTranslations('status') as unknown as StatusT;
  const locale = toLocale(useLocale());
  const n = (v: number | null) => formatNumber(v, locale);
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="subsls-table">
        <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
          <tr>
            <th className="px-2 py-2">{tc('levels.subsls')}</th>
            {showHolder ? <th className="px-2 py-2">{t('detail.holder')}</th> : null}
            <th className="px-2 py-2 text-right">{t('columns.target')}</th>
            <th className="px-2 py-2 text-right">{t('columns.selesai')}</th>
            <th className="px-2 py-2 text-right">{t('columns.progres')}</th>
            <th className="px-2 py-2 text-right">{t('columns.lastReport')}</th>
            <th className="px-2 py-2">{t('columns.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.code} className="border-t border-slate-100">
              <td className="px-2 py-1.5">
                <Link href={`/wilayah/${s.code}?asOf=${asOf}`} className="text-brand hover:underline">
                  {s.name}
                </Link>
                <span className="block font-mono text-xs text-slate-500">
                  {s.code}
                  {s.kelurahanName ? ` · ${s.kelurahanName}` : ''}
                </span>
              </td>
              {showHolder ? <td className="px-2 py-1.5 font-mono text-xs">{s.kodePetugas}</td> : null}
              <td className="px-2 py-1.5 text-right tabular-nums">{n(s.prelist)}</td>
              <td className="px-2 py-1.5 text-right tabular-nums">{n(s.selesai)}</td>
              <td className="px-2 py-1.5 text-right tabular-nums">{formatPercent(s.progres, locale)}</td>
              <td className="whitespace-nowrap px-2 py-1.5 text-right tabular-nums">{s.lastReport ? formatDate(s.lastReport, locale) : t('never')}</td>
              <td className="px-2 py-1.5">
                <StatusBadge status={s.status} label={tc(`status.${s.status}`)} reason={statusReasonText(s, ts, locale)} showReason />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
