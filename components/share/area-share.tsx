'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { AreaResponse, ChildArea } from '@/lib/api/area-schemas';
import type { CampaignWindow } from '@/lib/domain/types';
import { toLocale } from '@/lib/i18n/config';
import { forecastText, statusReasonText, type StatusT } from '@/lib/status-text';
import { buildAreaShareText } from '@/lib/share/summary-text';
import { SharePanel } from './share-panel';

/** "Bagikan" of an area page: the summary of the figures on screen and the card of the same day. */
export function AreaShare({ area, childAreas, window }: { area: AreaResponse; childAreas: readonly ChildArea[]; window: CampaignWindow }) {
  const t = useTranslations('share');
  const st = useTranslations('status') as unknown as StatusT;
  const common = useTranslations('common');
  const locale = toLocale(useLocale());
  const build = (url: string) =>
    buildAreaShareText({
      area,
      children: childAreas,
      url,
      locale,
      t: t as unknown as (k: string, v?: Record<string, string | number>) => string,
      statusLabel: (s) => common(`status.${s}` as never),
      levelLabel: (l) => common(`levels.${l}` as never),
      reason: statusReasonText(area, st, locale),
      finishText: forecastText(area, window, st, locale),
    });
  return <SharePanel build={build} cardHref={`/api/v1/areas/${area.code}/card.png?asOf=${area.asOf}`} testId="area-share" />;
}
