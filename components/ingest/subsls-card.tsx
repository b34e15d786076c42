'use client';

import { useLocale, useTranslations } from 'next-intl';
import { countMetrics } from '@/lib/domain/metrics';
import { formatDate, formatNumber } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';
import type { CountDraft } from '@/lib/ingest/form-check';
import { COUNT_FIELDS } from '@/lib/ingest/report-schema';
import { CountStepper } from './count-stepper';

export interface CardInfo {
  kodeSubsls: string;
  name: string;
  kelurahan: string;
  prelist: number;
  lastTanggal: string | null;
}

/** One sub-SLS on the phone form: what it carried, the five counts, the note, and its messages. */
export function SubslsCard({
  info,
  draft,
  errors,
  lowered,
  previousTanggal,
  changed,
  onChange,
  onReset,
}: {
  info: CardInfo;
  draft: CountDraft;
  errors: Record<string, string>;
  lowered: boolean;
  previousTanggal: string | null;
  changed: boolean;
  onChange: (field: keyof CountDraft, value: string) => void;
  onReset: () => void;
}) {
  const t = useTranslations('ingest.lapor');
  const locale = toLocale(useLocale());
  const numbers = Object.fromEntries(COUNT_FIELDS.map((f) => [f, /^\d+$/.test(draft[f]) ? Number(draft[f]) : 0])) as Record<(typeof COUNT_FIELDS)[number], number>;
  const { belumDikunjungi } = countMetrics({ prelist: info.prelist, ...numbers });
  return (
    <section className={`rounded-lg border bg-white p-3 shadow-sm ${changed ? 'border-brand' : 'border-slate-200'}`} data-testid={`card-${info.kodeSubsls}`}>
      <div className="flex items-start justify-between gap-2">
        <div>
          <h2 className="font-semibold">{info.name}</h2>
          <div className="font-mono text-xs text-slate-500">{info.kodeSubsls}</div>
          <div className="text-xs text-slate-500">{info.kelurahan}</div>
        </div>
        <div className="text-right text-xs text-slate-600">
          <div>{t('prelist', { n: formatNumber(info.prelist, locale) })}</div>
          <div>{info.lastTanggal ? t('last', { date: formatDate(info.lastTanggal, locale) }) : t('never')}</div>
          <div>{t('belum', { n: formatNumber(belumDikunjungi, locale) })}</div>
        </div>
      </div>
      <div className="mt-3 grid grid-cols-2 gap-x-3 gap-y-2 lg:grid-cols-3">
        {COUNT_FIELDS.map((f) => (
          <CountStepper key={f} id={`f-${info.kodeSubsls}-${f}`} label={t(`fields.${f}`)} value={draft[f]} error={errors[f]} onChange={(v) => onChange(f, v)} />
        ))}
      </div>
      <label className="mt-3 block text-sm font-medium text-slate-700">
        {t('fields.catatan')}
        <input
          className="mt-1 block h-12 w-full rounded border border-slate-300 px-2"
          maxLength={500}
          value={draft.catatan}
          onChange={(e) => onChange('catatan', e.target.value)}
        />
      </label>
      {errors[''] ? <p className="mt-2 text-sm text-red-700">{errors['']}</p> : null}
      {lowered && previousTanggal ? <p className="mt-2 text-sm text-amber-800">{t('lowered', { date: formatDate(previousTanggal, locale) })}</p> : null}
      {changed ? (
        <button type="button" className="mt-2 min-h-11 text-sm text-slate-600 underline" onClick={onReset}>
          {t('reset')}
        </button>
      ) : null}
    </section>
  );
}
