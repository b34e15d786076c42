import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/action-form';
import type { ArchiveDay } from '@/lib/queries/archive';
import { ArchiveList } from './archive-list';
import type { ActionResult } from '@/components/action-form';

interface Props {
  days: ArchiveDay[];
  timeZone: string;
  archiveTime: string;
  /** The admin's "make the archive of a day" action; absent for other roles. */
  make?: (prev: ActionResult | null, form: FormData) => Promise<ActionResult | null>;
  window: { min: string; max: string; asOf: string };
}

/** /laporan's archive: the kept days in the viewer's scope, and for the admin a button to make one. */
export function ArchiveSection({ days, timeZone, archiveTime, make, window: w }: Props) {
  const t = useTranslations('archive');
  const zone = timeZone === 'Asia/Makassar' ? 'WITA' : timeZone === 'Asia/Jakarta' ? 'WIB' : timeZone === 'Asia/Jayapura' ? 'WIT' : timeZone;
  return (
    <section className="space-y-3" aria-labelledby="archive-title" data-testid="archive-section">
      <h2 id="archive-title" className="text-xl font-semibold">
        {t('title')}
      </h2>
      <p className="text-sm text-slate-600">{t('intro', { time: archiveTime, zone })}</p>
      <ArchiveList days={days} timeZone={timeZone} />
      {make ? (
        <ActionForm action={make} submitLabel={t('make')} className="space-y-2 rounded-lg border border-slate-200 bg-white p-3" testId="archive-make">
          <h3 className="font-medium">{t('makeTitle')}</h3>
          <p className="text-sm text-slate-600">{t('makeText')}</p>
          <label className="block text-sm">
            <span className="mb-1 block font-medium">{t('date')}</span>
            <input type="date" name="date" required min={w.min} max={w.max} defaultValue={w.asOf} className="rounded border border-slate-300 px-2 py-1.5" />
          </label>
        </ActionForm>
      ) : null}
    </section>
  );
}
