'use client';

import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import type { StatusDetail } from '@/lib/domain/status';
import type { CampaignWindow, Status, StatusReason } from '@/lib/domain/types';
import { forecastText, statusReasonText, type StatusT } from '@/lib/status-text';
import { useFormat } from './use-dashboard-text';

/** Status sentences and forecast wording in the reader's language (lib/status-text.ts). */
export function useStatusText(window: CampaignWindow) {
  const t = useTranslations('status') as unknown as StatusT;
  const { locale } = useFormat();
  return useMemo(
    () => ({
      reason: (r: { statusReason: StatusReason; statusDetail?: StatusDetail | null; daysSilent?: number }) => statusReasonText(r, t, locale),
      forecast: (r: { projectedFinish: string | null; paceDays: number; status: Status }) => forecastText(r, window, t, locale),
      /** True when the forecast reads as a date (not "melewati …" nor "belum cukup data"). */
      t,
    }),
    [t, locale, window],
  );
}
