import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { OfficerStatusBadge } from '@/components/officers/officer-status-badge';
import { StatusBadge } from '@/components/status-badge';
import { formatDate, formatPercent } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';
import type { OfficerContact } from '@/lib/queries/area-officers';
import type { Attention } from '@/lib/queries/attention';
import type { CampaignWindow } from '@/lib/domain/types';
import { forecastText, statusReasonText, type StatusT } from '@/lib/status-text';

/** A name with a tap-to-call link when the officer has a phone number. */
function Contact({ role, who }: { role: string; who: OfficerContact }) {
  const t = useTranslations('attention');
  return (
    <span className="inline-flex flex-wrap items-center gap-x-1">
      <span className="text-slate-500">{role}</span>
      <span className="font-medium">{who.name}</span>
      {who.phone ? (
        <a href={`tel:${who.phone.replace(/[^\d+]/g, '')}`} className="inline-flex min-h-8 items-center rounded px-1 text-brand underline decoration-dotted">
          <span className="sr-only">{t('call', { name: who.name })} </span>
          {who.phone}
        </a>
      ) : (
        <span className="text-xs text-slate-500">({t('noPhone')})</span>
      )}
    </span>
  );
}

/**
 * "Perlu perhatian", right under the status banner: the few child areas and PPL most behind with
 * whom to call, and how many PPL have not reported today. Figures come ready from getAttention.
 */
export function AttentionPanel({ data, code, silentHref, window }: { data: Attention; code: string; silentHref: string; window: CampaignWindow }) {
  const t = useTranslations('attention');
  const tc = useTranslations('common');
  const to = useTranslations('officers');
  const st = useTranslations('status') as unknown as StatusT;
  const locale = toLocale(useLocale());
  // The forecast worded as everywhere else ("melewati 14 Nov (±N hari)", "belum cukup data").
  const late = (r: { projectedFinish: string | null; paceDays: number; status: Attention['areas'][number]['status'] | 'belum_lapor' }) =>
    t('finish', { finish: forecastText({ ...r, status: r.status === 'belum_lapor' ? 'tertinggal' : r.status }, window, st, locale) });
  const empty = data.areas.length === 0 && data.officers.length === 0;
  return (
    <section className="rounded-lg border border-amber-300 bg-amber-50/60 p-3 text-sm shadow-sm" aria-labelledby={`attention-${code}`} data-testid="attention">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <h2 id={`attention-${code}`} className="font-semibold">
          {t('title')}
        </h2>
        <Link href={silentHref} className="font-medium text-brand underline" data-testid="attention-silent">
          {t('silent', { count: data.silentCount, date: formatDate(data.asOf, locale, false) })}
        </Link>
      </div>
      {empty ? <p className="mt-1 text-slate-700">{t('none')}</p> : null}
      {data.areas.length > 0 ? (
        <h3 className="mt-2 text-xs font-medium uppercase tracking-wide text-slate-600">{t('areas')}</h3>
      ) : null}
      {data.areas.length > 0 ? (
        <ul className="divide-y divide-amber-200" aria-label={t('areas')}>
          {data.areas.map((a) => (
            <li key={a.code} className="py-1.5" data-testid="attention-area" data-code={a.code}>
              <div className="flex flex-wrap items-center justify-between gap-x-2">
                <Link href={`/wilayah/${a.code}?asOf=${data.asOf}`} className="font-medium text-brand hover:underline">
                  {a.name}
                </Link>
                <span className="inline-flex items-center gap-2">
                  <StatusBadge status={a.status} label={tc(`status.${a.status}`)} />
                  <span className="text-xs text-slate-600">
                    {formatPercent(a.progres, locale, 0)} · {statusReasonText(a, st, locale)}
                    {a.status === 'tertinggal' ? ` · ${late(a)}` : null}
                  </span>
                </span>
              </div>
              <div className="flex flex-wrap gap-x-3 text-xs sm:text-sm">
                {a.ppl.slice(0, 2).map((o) => (
                  <Contact key={o.code} role={t('ppl')} who={o} />
                ))}
                {a.pml.slice(0, 1).map((o) => (
                  <Contact key={o.code} role={t('pml')} who={o} />
                ))}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {data.officers.length > 0 ? (
        <h3 className="mt-2 text-xs font-medium uppercase tracking-wide text-slate-600">{t('officers')}</h3>
      ) : null}
      {data.officers.length > 0 ? (
        <ul className="divide-y divide-amber-200" aria-label={t('officers')}>
          {data.officers.map((o) => (
            <li key={o.code} className="py-1.5" data-testid="attention-officer" data-code={o.code}>
              <div className="flex flex-wrap items-center justify-between gap-x-2">
                <Link href={`/petugas/${o.code}?asOf=${data.asOf}`} className="font-medium text-brand hover:underline">
                  {o.name}
                </Link>
                <span className="inline-flex items-center gap-2">
                  <OfficerStatusBadge status={o.status} label={to(`status.${o.status}`)} />
                  <span className="text-xs text-slate-600">
                    {statusReasonText(o, st, locale)}
                    {o.status === 'tertinggal' ? ` · ${late(o)}` : null}
                  </span>
                </span>
              </div>
              <div className="flex flex-wrap gap-x-3 text-xs sm:text-sm">
                <Contact role={t('ppl')} who={o} />
                {o.pml ? <Contact role={t('pml')} who={o.pml} /> : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
