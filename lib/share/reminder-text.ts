// The polite "Ingatkan" messages of the "belum lapor" list. The server sends nothing: these texts
// go into a wa.me link and the person on the phone decides to send them.
import { formatDate, formatNumber } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';
import type { ShareT } from './summary-text';

export interface ReminderOfficer {
  name: string;
  code: string;
  /** Assigned sub-SLS not closed yet. */
  subslsOpen: number;
}

export interface ReminderInput {
  asOf: string;
  locale: Locale;
  t: ShareT;
}

/** To one PPL: their name, the day without a report and how many sub-SLS are left. */
export function buildOfficerReminder(o: ReminderOfficer, input: ReminderInput): string {
  const { t, locale } = input;
  return t('remind.officer', { name: o.name, date: formatDate(input.asOf, locale), left: formatNumber(o.subslsOpen, locale) });
}

/** To a PML: one message listing every silent PPL of their team. */
export function buildTeamReminder(supervisorName: string, officers: readonly ReminderOfficer[], input: ReminderInput): string {
  const { t, locale } = input;
  const lines = [t('remind.team', { name: supervisorName, date: formatDate(input.asOf, locale), count: formatNumber(officers.length, locale) })];
  for (const o of officers) lines.push(t('remind.teamItem', { name: o.name, code: o.code, left: formatNumber(o.subslsOpen, locale) }));
  lines.push('', t('remind.thanks'));
  return lines.join('\n');
}
