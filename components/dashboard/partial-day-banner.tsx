'use client';

import { useTranslations } from 'next-intl';
import type { AreaResponse } from '@/lib/api/area-schemas';
import { useFormat } from './use-dashboard-text';

/**
 * Said first on a day that is not complete (opened on purpose with ?asOf=): how many of the
 * expected PPL have reported, and that pace, forecasts and statuses come from the latest complete day.
 */
export function PartialDayBanner({
  reporting,
  completeThrough,
  onOpen,
}: {
  reporting: AreaResponse['reporting'];
  completeThrough: string | null;
  onOpen: (date: string) => void;
}) {
  const t = useTranslations('reporting');
  const f = useFormat();
  if (reporting.complete) return null;
  return (
    <div role="status" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="partial-day">
      <p className="font-semibold">{t('partialDay', { reported: f.n(reporting.reported), expected: f.n(reporting.expected) })}</p>
      <p>
        {completeThrough ? t('partialDayNote', { date: f.date(completeThrough) }) : t('partialDayNoComplete')}{' '}
        {completeThrough ? (
          <button type="button" className="font-medium text-brand underline" onClick={() => onOpen(completeThrough)}>
            {t('backToComplete', { date: f.day(completeThrough) })}
          </button>
        ) : null}
      </p>
    </div>
  );
}
