import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { dataFor } from '@/lib/server/data';
import { getViewer } from '@/lib/server/viewer';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dashboard.search'))('title') };
}

/** Search results: areas in the viewer's scope by name, BPS code or Kemendagri code. */
export default async function SearchPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 100) ?? '';
  const viewer = await getViewer();
  if (!viewer) notFound();
  const [t, tc] = await Promise.all([getTranslations('dashboard.search'), getTranslations('common')]);
  const results = q ? await dataFor(viewer).searchAreas(q) : [];
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">{q ? t('resultsFor', { q }) : t('title')}</h1>
      <form action="/cari" className="flex gap-2">
        <label htmlFor="cari-q" className="sr-only">
          {t('label')}
        </label>
        <input id="cari-q" name="q" type="search" defaultValue={q} placeholder={t('placeholder')} className="h-10 flex-1 rounded border border-slate-300 bg-white px-3" />
        <button type="submit" className="h-10 rounded bg-brand px-4 text-white">
          {t('submit')}
        </button>
      </form>
      {!q ? <p className="text-sm text-slate-600">{t('hint')}</p> : null}
      {q && results.length === 0 ? <p className="text-slate-600">{t('noResults')}</p> : null}
      {results.length > 0 ? (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm" data-testid="search-results">
          {results.map((r) => (
            <li key={r.code}>
              <Link href={`/wilayah/${r.code}`} className="flex flex-wrap items-baseline justify-between gap-x-3 px-3 py-2 hover:bg-slate-50">
                <span className="font-medium text-brand">{r.name}</span>
                <span className="text-xs text-slate-500 tabular-nums">
                  {tc(`levels.${r.level}`)} · {r.code}
                  {r.kemendagriCode ? ` · ${r.kemendagriCode}` : ''}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
