'use client';

import { useLocale, useTranslations } from 'next-intl';
import { toLocale } from '@/lib/i18n/config';
import { buildSilentShareText, type ShareSilentOfficer, type ShareT } from '@/lib/share/summary-text';
import { SharePanel } from './share-panel';

/** "Bagikan" of the "belum lapor" list: how many PPL are silent on the day, the longest first. */
export function SilentShare({ areaName, asOf, officers }: { areaName: string; asOf: string; officers: readonly ShareSilentOfficer[] }) {
  const t = useTranslations('share');
  const locale = toLocale(useLocale());
  const build = (url: string) => buildSilentShareText({ areaName, asOf, officers, url, locale, t: t as unknown as ShareT });
  return <SharePanel build={build} testId="silent-share" />;
}
