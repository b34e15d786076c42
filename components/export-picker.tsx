'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';

interface Option {
  code: string;
  name: string;
  level: string;
}

const FORMATS = [
  ['pdf', 'pdf', undefined],
  ['xlsx', 'xlsx', undefined],
  ['csvComma', 'csv', 'comma'],
  ['csvSemicolon', 'csv', 'semicolon'],
] as const;

/** The export picker of /laporan: builds the /api/v1/exports URL from the chosen area, date, format and rows. */
export function ExportPicker({ options, asOf, min, max }: { options: Option[]; asOf: string; min: string; max: string }) {
  const t = useTranslations('reports');
  const [code, setCode] = useState(options[0]?.code ?? '');
  const [date, setDate] = useState(asOf);
  const [format, setFormat] = useState<(typeof FORMATS)[number][0]>('pdf');
  const [rows, setRows] = useState<'children' | 'kelurahan' | 'sls'>('children');
  const [, ext, delimiter] = FORMATS.find(([key]) => key === format)!;
  const level = rows === 'kelurahan' && code.length < 7 ? 'kelurahan' : rows === 'sls' && code.length < 10 ? 'sls' : undefined;
  const query = new URLSearchParams({ asOf: date, ...(level ? { level } : {}), ...(delimiter ? { delimiter } : {}) });
  const href = `/api/v1/exports/${code}.${ext}?${query}`;
  const selected = options.find((o) => o.code === code);
  return (
    <div className="space-y-4">
      <form className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2" onSubmit={(e) => e.preventDefault()}>
        <label className="grid gap-1 text-sm">
          <span className="font-medium">{t('area')}</span>
          <select className="rounded border border-slate-300 p-2" value={code} onChange={(e) => setCode(e.target.value)}>
            {options.map((o) => (
              <option key={o.code} value={o.code}>
                {o.level === 'kelurahan' ? '\u00a0\u00a0\u00a0\u00a0' : o.level === 'kecamatan' ? '\u00a0\u00a0' : ''}
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <label className="grid gap-1 text-sm">
          <span className="font-medium">{t('date')}</span>
          <input type="date" className="rounded border border-slate-300 p-2" value={date} min={min} max={max} onChange={(e) => setDate(e.target.value)} />
        </label>
        <fieldset className="grid gap-1 text-sm">
          <legend className="mb-1 font-medium">{t('format')}</legend>
          {FORMATS.map(([key]) => (
            <label key={key} className="flex min-h-9 items-center gap-2">
              <input type="radio" name="format" checked={format === key} onChange={() => setFormat(key)} />
              {t(key)}
            </label>
          ))}
        </fieldset>
        {code.length < 10 ? (
          <fieldset className="grid gap-1 text-sm">
            <legend className="mb-1 font-medium">{t('rows')}</legend>
            <label className="flex min-h-9 items-center gap-2">
              <input type="radio" name="rows" checked={rows === 'children'} onChange={() => setRows('children')} />
              {t('rowsChildren')}
            </label>
            {code.length < 7 ? (
              <label className="flex min-h-9 items-center gap-2">
                <input type="radio" name="rows" checked={rows === 'kelurahan'} onChange={() => setRows('kelurahan')} />
                {t('rowsKelurahan')}
              </label>
            ) : null}
            <label className="flex min-h-9 items-center gap-2">
              <input type="radio" name="rows" checked={rows === 'sls'} onChange={() => setRows('sls')} data-testid="rows-sls" />
              {t('rowsSls')}
            </label>
          </fieldset>
        ) : null}
        <div className="sm:col-span-2">
          <a href={href} className="inline-block rounded bg-brand px-4 py-2 font-medium text-white" data-testid="report-download">
            {t('download')}
          </a>
        </div>
      </form>
      {selected && selected.level !== 'kelurahan' ? (
        <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h2 className="font-semibold">{t('bundleTitle')}</h2>
          <p className="mt-1 text-sm text-slate-600">{t('bundleText', { area: selected.name })}</p>
          <a href={`/api/v1/exports/bundle/${code}.zip?asOf=${date}`} className="mt-3 inline-block rounded border border-brand px-4 py-2 font-medium text-brand" data-testid="report-bundle">
            {t('bundleButton')}
          </a>
        </section>
      ) : null}
    </div>
  );
}
