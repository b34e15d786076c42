import { useLocale, useTranslations } from 'next-intl';
import { toLocale } from '@/lib/i18n/config';
import { buildOfficerReminder, buildTeamReminder, type ReminderOfficer } from '@/lib/share/reminder-text';
import { waNumber, whatsappUrl, type ShareT } from '@/lib/share/summary-text';

type Props = { phone: string | null; asOf: string } & ({ officer: ReminderOfficer } | { supervisorName: string; team: readonly ReminderOfficer[] });

/**
 * "Ingatkan": a wa.me link to the officer's own number with a polite message already written —
 * to a PPL about their day, to a PML about their silent team. Nothing is sent by the server.
 * Without a usable number there is no link.
 */
export function RemindLink(props: Props) {
  const t = useTranslations('share');
  const locale = toLocale(useLocale());
  if (!props.phone || !waNumber(props.phone)) return null;
  const input = { asOf: props.asOf, locale, t: t as unknown as ShareT };
  const isTeam = 'team' in props;
  const text = isTeam ? buildTeamReminder(props.supervisorName, props.team, input) : buildOfficerReminder(props.officer, input);
  const label = isTeam ? t('remindTeam', { name: props.supervisorName }) : t('remindOfficer', { name: props.officer.name });
  return (
    <a
      href={whatsappUrl(text, props.phone)}
      target="_blank"
      rel="noopener noreferrer"
      title={label}
      className="whitespace-nowrap rounded border border-emerald-700 px-2 py-0.5 text-xs font-medium text-emerald-800 hover:bg-emerald-50"
      data-testid={isTeam ? 'remind-team' : 'remind-officer'}
    >
      {t('remindButton')}
      {/* The visible word starts the accessible name; the rest says whom (WCAG 2.5.3, label in name). */}
      <span className="sr-only">{label.slice(t('remindButton').length)}</span>
    </a>
  );
}
