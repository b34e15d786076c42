'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useState } from 'react';
import { searchQuery } from '@/lib/client/queries';

/**
 * Find an area by name, BPS or Kemendagri code: suggestions as you type (a combobox over
 * GET /api/v1/search), Enter opens the highlighted area or the full results page (/cari).
 * Without JavaScript it is a plain GET form to /cari.
 */
export function SearchBox() {
  const t = useTranslations('dashboard.search');
  const tc = useTranslations('common');
  const router = useRouter();
  const listId = useId();
  const [term, setTerm] = useState('');
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  useEffect(() => {
    const timer = setTimeout(() => setQ(term.trim()), 200);
    return () => clearTimeout(timer);
  }, [term]);
  const { data } = useQuery(searchQuery(q));
  const results = q.length >= 2 ? (data?.results.slice(0, 8) ?? []) : [];
  const show = open && results.length > 0;
  const go = (code: string) => {
    setOpen(false);
    setTerm('');
    router.push(`/wilayah/${code}`);
  };

  return (
    <form
      role="search"
      aria-label={t('label')}
      action="/cari"
      className="relative w-full"
      onSubmit={(e) => {
        e.preventDefault();
        if (show && active >= 0) return go(results[active].code);
        if (term.trim()) router.push(`/cari?q=${encodeURIComponent(term.trim())}`);
        setOpen(false);
      }}
    >
      <label htmlFor={`${listId}-input`} className="sr-only">
        {t('label')}
      </label>
      <input
        id={`${listId}-input`}
        name="q"
        type="search"
        autoComplete="off"
        role="combobox"
        aria-expanded={show}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={show && active >= 0 ? `${listId}-${active}` : undefined}
        placeholder={t('placeholder')}
        value={term}
        onChange={(e) => {
          setTerm(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((i) => Math.min(results.length - 1, i + 1));
          else if (e.key === 'ArrowUp') setActive((i) => Math.max(-1, i - 1));
          else if (e.key === 'Escape') setOpen(false);
          else return;
          e.preventDefault();
        }}
        className="h-9 w-full rounded border border-slate-300 bg-white px-3 text-sm placeholder:text-slate-400"
      />
      {show ? (
        <ul id={listId} role="listbox" className="absolute left-0 right-0 z-30 mt-1 overflow-hidden rounded border border-slate-200 bg-white text-sm shadow-lg">
          {results.map((r, i) => (
            <li
              key={r.code}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={`cursor-pointer px-3 py-2 ${i === active ? 'bg-slate-100' : 'hover:bg-slate-50'}`}
              onMouseDown={(e) => {
                e.preventDefault();
                go(r.code);
              }}
            >
              <span className="font-medium">{r.name}</span>
              <span className="ml-2 text-xs text-slate-500">
                {tc(`levels.${r.level}`)} · {r.kemendagriCode ?? r.code}
              </span>
            </li>
          ))}
          <li className="border-t border-slate-100 px-3 py-1.5 text-xs text-slate-500">{t('moreResults')}</li>
        </ul>
      ) : null}
    </form>
  );
}
