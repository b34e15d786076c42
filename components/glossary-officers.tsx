import { useTranslations } from 'next-intl';
import { DEFAULT_FLAG_THRESHOLDS, FLAG_IDS } from '@/lib/domain/officer-flags';
import { OFFICER_STATUS_COLORS, OFFICER_STATUSES } from '@/lib/domain/officer-status';

/** Officer statuses, every flag (with the thresholds the code uses) and "belum lapor", for /glosarium. */
export function GlossaryOfficers() {
  const t = useTranslations('attention');
  const to = useTranslations('officers');
  const th = DEFAULT_FLAG_THRESHOLDS;
  const thresholds = {
    paceCap: th.paceCap,
    pacePeerFactor: th.pacePeerFactor,
    pacePeerFloor: th.pacePeerFloor,
    refusalFactor: th.refusalFactor,
    refusalGapPoints: Math.round(th.refusalMinGap * 100),
    refusalMinContacts: th.refusalMinContacts,
    silenceDays: th.silenceDays,
  };
  const section = 'rounded-lg border border-slate-200 bg-white shadow-sm';
  return (
    <>
      <section className={section} id="officer-statuses">
        <h2 className="border-b border-slate-200 px-4 py-2 font-semibold">{t('officerStatuses')}</h2>
        <ul className="divide-y divide-slate-100">
          {OFFICER_STATUSES.map((s) => (
            <li key={s} id={`petugas-${s}`} className="flex items-start gap-3 px-4 py-2 text-sm">
              <span aria-hidden className="mt-1 inline-block h-3 w-3 shrink-0 rounded-full" style={{ background: OFFICER_STATUS_COLORS[s] }} />
              <span className="w-32 shrink-0 font-medium">{to(`status.${s}`)}</span>
              <span className="text-slate-700">{t(`officerStatusText.${s}`)}</span>
            </li>
          ))}
          <li id="belum-lapor" className="flex items-start gap-3 px-4 py-2 text-sm">
            <span aria-hidden className="mt-1 inline-block h-3 w-3 shrink-0" />
            <span className="w-32 shrink-0 font-medium">{t('silentTerm')}</span>
            <span className="text-slate-700">{t('silentTermText')}</span>
          </li>
        </ul>
      </section>
      <section className={section} id="flags">
        <h2 className="border-b border-slate-200 px-4 py-2 font-semibold">{t('flagsTitle')}</h2>
        <p className="px-4 pt-2 text-sm text-slate-600">{t('flagsIntro')}</p>
        <dl className="divide-y divide-slate-100">
          {FLAG_IDS.map((f) => (
            <div key={f} id={`tanda-${f}`} className="px-4 py-2 text-sm">
              <dt className="font-medium">{to(`flags.${f}`)}</dt>
              <dd className="text-slate-700">{t(`flagText.${f}`, thresholds)}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}
