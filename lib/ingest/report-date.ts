import { clampDate, isIsoDate, localToday } from '@/lib/domain/dates';
import type { Campaign } from '@/lib/queries/campaign';

/**
 * The date the phone form opens on: the one asked for if it may be reported, else today in the
 * campaign's time zone while fieldwork runs, else the latest date reported (a demo after the fact).
 */
export function reportDate(campaign: Campaign, requested: string | undefined, now = new Date()): string {
  if (requested && isIsoDate(requested) && requested >= campaign.startDate && requested <= campaign.lastReportDate) return requested;
  const today = localToday(campaign.timezone, now);
  if (today >= campaign.startDate && today <= campaign.lastReportDate) return today;
  return clampDate(campaign.latestReport ?? campaign.startDate, campaign.startDate, campaign.lastReportDate);
}
