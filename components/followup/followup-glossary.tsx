import { getTranslations } from 'next-intl/server';

const KEYS = ['penolakanTerbuka', 'konversiPenolakan', 'konversiMingguIni', 'prelistDrift'] as const;

/** The follow-up feature's definitions on /glosarium, from messages/<locale>/followup.json (metrics). */
export async function FollowupGlossary() {
  const [t, tg] = await Promise.all([getTranslations('followup'), getTranslations('dashboard.glossary')]);
  return (
    <section className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <h2 className="border-b border-slate-200 px-4 py-2 font-semibold">{t('glossary')}</h2>
      <dl className="divide-y divide-slate-100">
        {KEYS.map((key) => (
          <div key={key} id={key} className="scroll-mt-16 px-4 py-3 target:bg-amber-50">
            <dt className="font-medium">{t(`metrics.${key}.label`)}</dt>
            <dd className="mt-1 space-y-1 text-sm text-slate-700">
              <code className="block w-fit rounded bg-slate-100 px-2 py-0.5 text-xs" aria-label={tg('formula')}>
                {t(`metrics.${key}.formula`)}
              </code>
              <p>{t(`metrics.${key}.definition`)}</p>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
