'use client';

import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import type { OfficerRowJson } from '@/lib/api/officers-schemas';
import { FLAG_IDS, type FlagId } from '@/lib/domain/officer-flags';
import { formatDate } from '@/lib/format';
import type { CampaignWindow } from '@/lib/domain/types';
import { toLocale } from '@/lib/i18n/config';
import { useStatusText } from '../dashboard/use-status-text';
import { FlagChips } from './flag-chips';
import { OfficerStatusBadge } from './officer-status-badge';

/**
 * The officer list on a phone: one card per officer with the four facts a supervisor acts on —
 * status, flags, last report and PML — in the order the server sorted them (worst first).
 */
export function OfficerCards({ rows, asOf, busy, window }: { rows: OfficerRowJson[]; asOf: string; busy: boolean; window: CampaignWindow }) {
  const t = useTranslations('officers');
  const st = useStatusText(window);
  const locale = toLocale(useLocale());
  const flagLabels = Object.fromEntries(FLAG_IDS.map((f) => [f, t(`flags.${f}`)])) as Record<FlagId, string>;
  const date = (d: string | null) => (d === null ? t('never') : formatDate(d, locale, d.slice(0, 4) !== asOf.slice(0, 4)));
  return (
    <ul className={`divide-y divide-slate-100 ${busy ? 'opacity-60' : ''}`} aria-busy={busy} data-testid="officer-cards">
      {rows.map((r) => (
        <li key={r.code} className="space-y-1.5 px-3 py-2.5" data-testid="officer-card" data-code={r.code}>
          <div className="flex items-start justify-between gap-2">
            <div className="min-w-0">
              <Link href={`/petugas/${r.code}?asOf=${asOf}`} className="block truncate font-medium text-brand hover:underline">
                {r.name}
              </Link>
              <span className="font-mono text-xs text-slate-500">
                {r.code} · {t(`roles.${r.role}`)}
              </span>
            </div>
            <OfficerStatusBadge status={r.status} label={t(`status.${r.status}`)} reason={st.reason(r)} />
          </div>
          <p className="text-xs text-slate-600" data-testid="officer-reason">
            {st.reason(r)}
          </p>
          <FlagChips flags={r.flags} labels={flagLabels} />
          <dl className="grid grid-cols-2 gap-x-3 text-xs">
            <dt className="text-slate-500">{t('columns.lastReport')}</dt>
            <dt className="text-slate-500">{t('columns.pml')}</dt>
            <dd className="tabular-nums">{date(r.lastReport)}</dd>
            <dd className="truncate">{r.role === 'ppl' && r.supervisorName ? r.supervisorName : '–'}</dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}
