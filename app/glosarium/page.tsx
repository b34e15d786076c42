import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { GlossaryOfficers } from '@/components/glossary-officers';
import { FollowupGlossary } from '@/components/followup/followup-glossary';
import { STATUS_COLORS } from '@/lib/domain/status-colors';
import { STATUSES } from '@/lib/domain/types';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dashboard.glossary'))('title') };
}

const GROUPS = [
  { title: 'counts', keys: ['prelist', 'keluargaBaru', 'universe', 'selesai', 'menolak', 'tidakDitemui', 'tidakDitemukan', 'closed', 'belumDikunjungi'] },
  { title: 'ratios', keys: ['progres', 'cakupanSasaranAwal', 'tingkatPenolakan', 'nonrespons'] },
  {
    title: 'pace',
    keys: ['pace', 'pace7', 'requiredPace', 'projectedFinish', 'projectedRange', 'daysLeft', 'expectedProgres', 'forecastBand', 'status', 'asOf'],
  },
] as const;

/** Every metric definition, from the same messages the info buttons show (messages/<locale>/metrics.json). */
export default async function GlossaryPage() {
  const [t, tm, tc] = await Promise.all([getTranslations('dashboard.glossary'), getTranslations('metrics'), getTranslations('common')]);
  return (
    <article className="mx-auto max-w-3xl space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="mt-1 text-slate-600">{t('intro')}</p>
      </header>
      {GROUPS.map((g) => (
        <section key={g.title} className="rounded-lg border border-slate-200 bg-white shadow-sm">
          <h2 className="border-b border-slate-200 px-4 py-2 font-semibold">{t(g.title)}</h2>
          <dl className="divide-y divide-slate-100">
            {g.keys.map((key) => (
              <div key={key} id={key} className="scroll-mt-16 px-4 py-3 target:bg-amber-50">
                <dt className="font-medium">{tm(`${key}.label`)}</dt>
                <dd className="mt-1 space-y-1 text-sm text-slate-700">
                  <code className="block w-fit rounded bg-slate-100 px-2 py-0.5 text-xs" aria-label={t('formula')}>
                    {tm(`${key}.formula`)}
                  </code>
                  <p>{tm(`${key}.definition`)}</p>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <FollowupGlossary />
      <section className="rounded-lg border border-slate-200 bg-white shadow-sm" id="statuses">
        <h2 className="border-b border-slate-200 px-4 py-2 font-semibold">{t('statuses')}</h2>
        <ul className="divide-y divide-slate-100">
          {STATUSES.map((s) => (
            <li key={s} className="flex items-center gap-3 px-4 py-2 text-sm">
              <span aria-hidden className="inline-block h-3 w-3 shrink-0 rounded-full" style={{ background: STATUS_COLORS[s] }} />
              <span className="w-32 shrink-0 font-medium">{tc(`status.${s}`)}</span>
              <span className="text-slate-700">{tm(`statuses.${s}`)}</span>
            </li>
          ))}
        </ul>
      </section>
      <GlossaryOfficers />
    </article>
  );
}
