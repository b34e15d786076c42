// Which day the morning archive writes, from the clock: pure, so the schedule is tested with a
// fake clock. The latest complete day (the campaign's default as-of) is archived once the local
// archive time has passed; never a day that has not ended before that morning.
import { addDays, clampDate } from '@/lib/domain/dates';

export interface ArchiveClockCampaign {
  startDate: string;
  lastReportDate: string;
  /** The latest complete day (lib/queries/campaign.ts). */
  defaultAsOf: string;
  /** IANA zone of the campaign, e.g. Asia/Makassar (WITA). */
  timezone: string;
  /** HH:MM local. */
  archiveTime: string;
}

/** The local date (YYYY-MM-DD) and time (HH:MM) of an instant in a time zone. */
export function localClock(now: Date, timeZone: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/**
 * The day the archive due at `now` covers, or null before the campaign's first day has been
 * archivable. Before today's archive time the due run is yesterday morning's (the day before
 * yesterday at the latest); from it on, yesterday at the latest. Within that, the latest complete day.
 */
export function archiveDayDue(c: ArchiveClockCampaign, now: Date): string | null {
  const local = localClock(now, c.timezone);
  const latestEnded = addDays(local.date, local.time >= c.archiveTime ? -1 : -2);
  if (latestEnded < c.startDate) return null;
  const day = c.defaultAsOf < latestEnded ? c.defaultAsOf : latestEnded;
  return clampDate(day, c.startDate, c.lastReportDate);
}

/** The cron pattern (minute hour * * *) of a HH:MM archive time. */
export function cronOf(archiveTime: string): string {
  const [hour, minute] = archiveTime.split(':').map(Number);
  return `${minute} ${hour} * * *`;
}
