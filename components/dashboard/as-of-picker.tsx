'use client';

import { useTranslations } from 'next-intl';
import { addDays, diffDays, isIsoDate } from '@/lib/domain/dates';
import { useFormat } from './use-dashboard-text';
import { MetricInfo } from './metric-info';

export interface AsOfWindow {
  startDate: string;
  endDate: string;
  /** endDate + grace days: the last date an as-of may take. */
  lastReportDate: string;
  latestReport: string | null;
  defaultAsOf: string;
  /** The latest complete day (null before any): later days are partial. */
  completeThrough: string | null;
}

/** The last date the picker offers: the latest report date (nothing lies after it), inside the window plus grace. */
export function pickerMax(w: AsOfWindow): string {
  const latest = w.latestReport && w.latestReport > w.defaultAsOf ? w.latestReport : w.defaultAsOf;
  return latest < w.lastReportDate ? latest : w.lastReportDate;
}

/** The as-of date: a date input bounded to the window, a day back and forward, and back to the latest. */
export function AsOfPicker({
  asOf,
  window: w,
  pending,
  onChange,
}: {
  asOf: string;
  window: AsOfWindow;
  pending: boolean;
  onChange: (date: string) => void;
}) {
  const t = useTranslations('dashboard');
  const f = useFormat();
  const max = pickerMax(w);
  const go = (date: string) => {
    if (isIsoDate(date) && date >= w.startDate && date <= max && date !== asOf) onChange(date);
  };
  const day = diffDays(asOf, w.startDate) + 1;
  const total = diffDays(w.endDate, w.startDate) + 1;
  const button = 'h-9 min-w-9 rounded border border-slate-300 bg-white px-2.5 text-sm hover:bg-slate-100 disabled:opacity-40 disabled:hover:bg-white';
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5" data-testid="as-of">
      <div className="flex items-center gap-1.5">
        <label htmlFor="as-of-date" className="text-sm text-slate-600">
          {t('asOf')}
        </label>
        <strong className="text-sm" data-testid="as-of-label">
          {f.date(asOf)}
        </strong>
        <MetricInfo metric="asOf" />
      </div>
      <div className="flex items-center gap-1">
        <button type="button" className={button} aria-label={t('prevDay')} disabled={asOf <= w.startDate} onClick={() => go(addDays(asOf, -1))}>
          ‹
        </button>
        <input
          id="as-of-date"
          type="date"
          className="h-9 rounded border border-slate-300 bg-white px-2 text-sm tabular-nums"
          value={asOf}
          min={w.startDate}
          max={max}
          onChange={(e) => go(e.target.value)}
        />
        <button type="button" className={button} aria-label={t('nextDay')} disabled={asOf >= max} onClick={() => go(addDays(asOf, 1))}>
          ›
        </button>
        <button type="button" className={button} disabled={asOf === w.defaultAsOf} onClick={() => go(w.defaultAsOf)}>
          {t('latest')}
        </button>
      </div>
      <div className="w-full text-xs text-slate-500 sm:w-auto" aria-live="polite">
        {pending ? t('updating') : day <= total ? t('dayOf', { day, total }) : t('afterWindow', { day: day - total })}
        {' · '}
        {w.latestReport ? t('latestReport', { date: f.date(w.latestReport) }) : t('noReports')}
      </div>
    </div>
  );
}
