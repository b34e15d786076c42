import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { formatDate, formatNumber, formatPercent } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';
import type { FollowupListRow } from '@/lib/queries/followup-list';
import type { RefusalRow } from '@/lib/queries/refusals';

const signed = (n: number, locale: Locale) => (n > 0 ? `+${formatNumber(n, locale)}` : formatNumber(n, locale));

/** Areas (or SLS) with their open refusals and not-met, as cards that read on a 360 px phone. */
export async function RefusalCards({
  title,
  rows,
  locale,
  hrefBase,
  asOf,
}: {
  title: string;
  rows: Array<RefusalRow | FollowupListRow>;
  locale: Locale;
  hrefBase: string;
  asOf: string;
}) {
  const t = await getTranslations('followup');
  const c = (k: string) => t(`columns.${k}`);
  return (
    <section className="space-y-2" aria-label={title}>
      <h2 className="text-lg font-semibold">{title}</h2>
      {rows.length === 0 ? <p className="text-sm text-slate-600">{t('empty')}</p> : null}
      <ol className="space-y-2" data-testid="refusal-list">
        {rows.map((r) => (
          <li key={r.code} className="rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <Link href={`${hrefBase}${r.code}?asOf=${asOf}`} className="font-semibold text-blue-800 underline">
                {r.name}
              </Link>
              <span className="font-mono text-xs text-slate-600">{r.code}</span>
            </div>
            <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 sm:grid-cols-4">
              <div>
                <dt className="text-slate-600">{c('menolak')}</dt>
                <dd className="font-semibold">
                  {formatNumber(r.menolak, locale)} <span className="font-normal text-slate-600">({signed(r.menolakChange, locale)})</span>
                </dd>
              </div>
              <div>
                <dt className="text-slate-600">{c('tidakDitemui')}</dt>
                <dd className="font-semibold">
                  {formatNumber(r.tidakDitemui, locale)} <span className="font-normal text-slate-600">({signed(r.tidakDitemuiChange, locale)})</span>
                </dd>
              </div>
              <div>
                <dt className="text-slate-600">{c('convertedThisWeek')}</dt>
                <dd className="font-semibold">{formatNumber(r.convertedThisWeek, locale)}</dd>
              </div>
              <div>
                <dt className="text-slate-600">{c('konversiPenolakan')}</dt>
                <dd className="font-semibold">{formatPercent(r.konversiPenolakan, locale)}</dd>
              </div>
            </dl>
            {'ppl' in r ? (
              <p className="mt-2 text-slate-700">
                {c('ppl')}: {r.ppl.join(', ') || '–'} · {c('pml')}: {r.pml.join(', ') || '–'} · {c('lastFollowup')}:{' '}
                {r.lastFollowup ? formatDate(r.lastFollowup, locale) : t('never')}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
