'use client';

import { useQuery } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { followupsQuery } from '@/lib/client/queries';
import { codeAtLevel } from '@/lib/domain/area-code';
import { addDays } from '@/lib/domain/dates';
import { followupTotals } from '@/lib/domain/followup';
import { REFUSAL_WINDOW_DAYS } from '@/lib/domain/refusals';
import type { AreaLevel } from '@/lib/domain/types';
import { formatDate } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';

/**
 * On an area page: the link to "Tindak lanjut penolakan", and on kelurahan and SLS pages the
 * follow-up log up to the as-of date with this week's totals (the same 7 days as the refusal change).
 */
export function AreaFollowups({ code, level, asOf, link = true }: { code: string; level: AreaLevel; asOf: string; link?: boolean }) {
  const t = useTranslations('followup');
  const locale = toLocale(useLocale());
  const withLog = level === 'kelurahan' || level === 'sls';
  const { data } = useQuery(followupsQuery(code, asOf, withLog));
  if (level === 'subsls') return null;
  const weekFrom = addDays(asOf, -REFUSAL_WINDOW_DAYS + 1);
  const week = followupTotals((data?.followups ?? []).filter((f) => f.tanggal >= weekFrom));
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="area-followups-title">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="area-followups-title" className="text-lg font-semibold">
          {withLog ? t('log.title') : t('title')}
        </h2>
        {link ? (
          <Link href={`/tindak-lanjut/${codeAtLevel(code, 'sls')}?asOf=${asOf}`} className="font-medium text-blue-800 underline">
            {t('areaLink')} →
          </Link>
        ) : null}
      </div>
      {withLog && data ? (
        <>
          <p className="mt-1 text-sm font-medium">{t('log.week', { visits: week.visits, agreed: week.agreed })}</p>
          {data.followups.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">{t('log.empty')}</p>
          ) : (
            <ul className="mt-2 divide-y divide-slate-100 text-sm" data-testid="followup-log">
              {data.followups.slice(0, 20).map((f) => (
                <li key={f.id} className="py-2">
                  {t('log.line', {
                    date: formatDate(f.tanggal, locale),
                    sls: f.kodeSls.slice(10),
                    parties: f.parties.map((p) => t(`parties.${p}`)).join(', '),
                    visited: f.visited,
                    agreed: f.agreed,
                    stillRefusing: f.stillRefusing,
                  })}
                  {f.version > 1 ? <span className="text-slate-600"> · {t('log.version', { version: f.version })}</span> : null}
                  {f.note ? <span className="block text-slate-600">“{f.note}”</span> : null}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
}
