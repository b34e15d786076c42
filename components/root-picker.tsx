'use client';

import { useTranslations } from 'next-intl';
import { useId, useMemo, useState } from 'react';
import type { RootOption } from '@/lib/queries/root-options';

const MAX_SHOWN = 8;

/**
 * An account's root picked by name: type part of a kelurahan, kecamatan or officer name (or a
 * code) and tap one of the matches. The form sends the chosen code in `root`.
 */
export function RootPicker({ label, hint, options, defaultCode }: { label: string; hint?: string; options: RootOption[]; defaultCode?: string }) {
  const t = useTranslations('rootpicker');
  const id = useId();
  const initial = options.find((o) => o.code === defaultCode);
  const [code, setCode] = useState(defaultCode ?? '');
  const [q, setQ] = useState(initial ? initial.name : (defaultCode ?? ''));
  const matches = useMemo(() => {
    const needle = q.trim().toLowerCase();
    if (needle.length < 2 || options.some((o) => o.code === code && o.name.toLowerCase() === needle)) return [];
    return options.filter((o) => o.name.toLowerCase().includes(needle) || o.code.startsWith(needle)).slice(0, MAX_SHOWN);
  }, [q, code, options]);
  const chosen = options.find((o) => o.code === code);
  const describe = (o: RootOption) => `${t(`kinds.${o.kind}` as 'kinds.kota')}${o.context ? ` · ${o.context}` : ''} · ${o.code}`;
  return (
    <div className="block">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        type="search"
        value={q}
        autoComplete="off"
        placeholder={t('placeholder')}
        onChange={(e) => {
          setQ(e.target.value);
          // A typed code that exists is a choice too.
          const exact = options.find((o) => o.code === e.target.value.trim());
          setCode(exact ? exact.code : '');
        }}
        className="mt-1 block w-full rounded border border-slate-300 px-3 py-2 text-sm"
        data-testid="root-search"
      />
      <input type="hidden" name="root" value={code} />
      {matches.length > 0 ? (
        <ul className="mt-1 max-h-64 overflow-y-auto rounded border border-slate-200 bg-white text-sm shadow-sm" data-testid="root-matches">
          {matches.map((o) => (
            <li key={`${o.kind}-${o.code}`}>
              <button
                type="button"
                className="block w-full px-3 py-2 text-left hover:bg-slate-50"
                onClick={() => {
                  setCode(o.code);
                  setQ(o.name);
                }}
              >
                <span className="font-medium">{o.name}</span> <span className="text-xs text-slate-500">{describe(o)}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <span className="mt-0.5 block text-xs text-slate-600" aria-live="polite" data-testid="root-chosen">
        {chosen ? t('chosen', { what: `${chosen.name} (${describe(chosen)})` }) : t('none')}
      </span>
      {hint ? <span className="mt-0.5 block text-xs text-slate-500">{hint}</span> : null}
    </div>
  );
}
