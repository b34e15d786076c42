'use client';

import { useEffect, useState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import type { OfficerPageJson, OfficersQuery } from '@/lib/api/officers-schemas';
import { codeAtLevel, levelOfCode } from '@/lib/domain/area-code';
import { FLAG_IDS } from '@/lib/domain/officer-flags';
import { OFFICER_STATUS_COLORS, OFFICER_STATUSES } from '@/lib/domain/officer-status';
import { OFFICER_ROLES } from '@/lib/domain/types';
import { formatNumber } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';

export interface FilterOptions {
  kecamatan: { code: string; name: string }[];
  kelurahan: { code: string; name: string; kecamatanCode: string | null }[];
  pml: { code: string; name: string; kecamatanCode: string | null }[];
}

function Select(props: { label: string; name: string; value: string; onChange: (v: string) => void; options: { value: string; label: string }[]; allLabel: string }) {
  return (
    <label className="flex min-w-0 flex-col gap-0.5 text-xs text-slate-600">
      {props.label}
      <select
        name={props.name}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        className="w-full min-w-0 rounded border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900"
      >
        <option value="">{props.allLabel}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Search box that waits for a pause in typing before it changes the URL. */
function SearchBox({ value, onChange, label }: { value: string; onChange: (v: string) => void; label: string }) {
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  // The URL changed from elsewhere (cleared filters, back button): show its value.
  if (value !== shown) {
    setShown(value);
    setText(value);
  }
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => onChange(text), 300);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);
  return (
    <label className="flex min-w-0 flex-1 flex-col gap-0.5 text-xs text-slate-600 sm:max-w-xs">
      {label}
      <input
        type="search"
        name="q"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={label}
        className="rounded border border-slate-300 px-2 py-1.5 text-sm text-slate-900"
      />
    </label>
  );
}

/** Filters of the officer list; every change goes to the URL through onChange. */
export function OfficersFilters(props: {
  query: OfficersQuery;
  options: FilterOptions;
  counts: OfficerPageJson['counts'] | undefined;
  onChange: (patch: Partial<OfficersQuery>) => void;
}) {
  const { query, options, counts, onChange } = props;
  const t = useTranslations('officers');
  const locale = toLocale(useLocale());
  const areaLevel = query.area ? levelOfCode(query.area) : null;
  const kec = query.area && (areaLevel === 'kecamatan' || areaLevel === 'kelurahan') ? codeAtLevel(query.area, 'kecamatan') : '';
  const kel = query.area && areaLevel === 'kelurahan' ? query.area : '';
  const inKec = <T extends { kecamatanCode: string | null }>(list: T[]) => (kec ? list.filter((o) => o.kecamatanCode === kec) : list);
  const all = t('filters.all');
  const [open, setOpen] = useState(false);
  const active = [query.role, query.area, query.pml, query.flag].filter(Boolean).length;
  return (
    <div className="space-y-2">
      <div className="flex items-end gap-2">
        <SearchBox value={query.q ?? ''} onChange={(q) => onChange({ q: q || undefined })} label={t('filters.search')} />
        <button
          type="button"
          aria-expanded={open}
          aria-controls="officer-filters"
          onClick={() => setOpen(!open)}
          className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm sm:hidden"
        >
          {t('filters.more')}
          {active ? ` (${active})` : ''}
        </button>
      </div>
      <div id="officer-filters" className={`${open ? 'grid' : 'hidden'} grid-cols-2 gap-2 sm:grid sm:grid-cols-3 lg:grid-cols-5`}>
        <Select label={t('filters.role')} name="role" value={query.role ?? ''} allLabel={all} onChange={(v) => onChange({ role: (v || undefined) as OfficersQuery['role'] })} options={OFFICER_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        <Select label={t('filters.kecamatan')} name="kecamatan" value={kec} allLabel={all} onChange={(v) => onChange({ area: v || undefined, pml: undefined })} options={options.kecamatan.map((o) => ({ value: o.code, label: o.name }))} />
        <Select label={t('filters.kelurahan')} name="kelurahan" value={kel} allLabel={all} onChange={(v) => onChange({ area: v || kec || undefined })} options={inKec(options.kelurahan).map((o) => ({ value: o.code, label: o.name }))} />
        <Select label={t('filters.pml')} name="pml" value={query.pml ?? ''} allLabel={all} onChange={(v) => onChange({ pml: v || undefined })} options={inKec(options.pml).map((o) => ({ value: o.code, label: `${o.name} (${o.code})` }))} />
        <Select label={t('filters.flag')} name="flag" value={query.flag ?? ''} allLabel={all} onChange={(v) => onChange({ flag: (v || undefined) as OfficersQuery['flag'] })} options={FLAG_IDS.map((f) => ({ value: f, label: `${t(`flags.${f}`)}${counts ? ` (${formatNumber(counts.flags[f], locale)})` : ''}` }))} />
      </div>
      <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label={t('filters.status')}>
        {OFFICER_STATUSES.map((s) => {
          const active = query.status === s;
          return (
            <button
              key={s}
              type="button"
              aria-pressed={active}
              data-testid={`status-chip-${s}`}
              onClick={() => onChange({ status: active ? undefined : s })}
              className={`inline-flex items-center gap-1.5 rounded-full border px-2.5 py-1 text-xs font-medium ${active ? 'border-slate-800 bg-slate-800 text-white' : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-50'}`}
            >
              <span aria-hidden className="inline-block h-2 w-2 rounded-full" style={{ background: OFFICER_STATUS_COLORS[s] }} />
              {t(`status.${s}`)}
              {counts ? <span className="tabular-nums opacity-75">{formatNumber(counts.status[s], locale)}</span> : null}
            </button>
          );
        })}
        {query.q || query.role || query.area || query.pml || query.status || query.flag ? (
          <button type="button" onClick={() => onChange({ q: undefined, role: undefined, area: undefined, pml: undefined, status: undefined, flag: undefined })} className="ml-1 text-xs text-brand underline">
            {t('filters.reset')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
