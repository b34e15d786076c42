// The WhatsApp-ready summary of an area or of the "belum lapor" list: one pure builder each, fed
// with the same metric values the page shows (lib/domain computed them), so the text never
// carries a figure of its own. Strings come from messages/<locale>/share.json through `t`.
import { formatDate, formatNumber, formatPace, formatPercent } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';

export type ShareT = (key: string, values?: Record<string, string | number>) => string;

/** The metric values the summary reads (a subset of AreaMetrics / the area API body). */
export interface ShareArea {
  code: string;
  name: string;
  level: string;
  asOf: string;
  universe: number;
  closed: number;
  progres: number | null;
  expectedProgres: number;
  status: string;
  pace7: number;
  requiredPace: number | null;
  projectedFinish: string | null;
}

export interface ShareAreaInput {
  area: ShareArea;
  /** The child areas (or PPL) the page lists; the ones furthest below the plan are named. */
  children: readonly ShareArea[];
  /** Absolute link back to the page. */
  url: string;
  locale: Locale;
  t: ShareT;
  /** Labels of common.json (status.*, levels.*), the same the page shows. */
  statusLabel: (status: string) => string;
  levelLabel: (level: string) => string;
  /** The status's reason sentence (statusReason) when the metrics carry one. */
  reason?: string | null;
  /** The forecast as pages word it ("melewati 14 Nov (±N hari)", "belum cukup data"); else the plain date. */
  finishText?: string | null;
  /** How many lagging children to name. */
  limit?: number;
}

/** How far below its plan line an area is (positive = behind); null progres counts as not started. */
const shortfall = (a: ShareArea) => a.expectedProgres - (a.progres ?? 0);

/** The children furthest behind their plan, unfinished ones only, worst first. */
export function mostBehind<T extends ShareArea>(children: readonly T[], limit = 3): T[] {
  return children
    .filter((c) => c.status !== 'selesai' && shortfall(c) > 0)
    .sort((a, b) => shortfall(b) - shortfall(a) || a.code.localeCompare(b.code))
    .slice(0, limit);
}

/** The area summary: area and day, progres vs plan, status and why, pace vs required, who lags, link. */
export function buildAreaShareText(input: ShareAreaInput): string {
  const { area: a, locale, t } = input;
  const pct = (v: number | null) => formatPercent(v, locale);
  const num = (v: number | null) => formatNumber(v, locale);
  const lines = [
    t('area.title', { level: input.levelLabel(a.level), name: a.name, date: formatDate(a.asOf, locale) }),
    t('area.progres', { progres: pct(a.progres), plan: pct(a.expectedProgres), closed: num(a.closed), universe: num(a.universe) }),
    t('area.status', { status: input.statusLabel(a.status) }) + (input.reason ? ` — ${input.reason}` : ''),
  ];
  if (a.status !== 'selesai') {
    lines.push(t('area.pace', { pace7: formatPace(a.pace7, locale), required: formatPace(a.requiredPace, locale) }));
    const finish = input.finishText ?? (a.projectedFinish ? formatDate(a.projectedFinish, locale) : null);
    lines.push(finish && finish !== '–' ? t('area.finish', { date: finish }) : t('area.noFinish'));
  }
  const behind = mostBehind(input.children, input.limit ?? 3);
  if (behind.length > 0) {
    lines.push('', t('area.behind'));
    for (const c of behind) lines.push(t('area.behindItem', { name: c.name, progres: pct(c.progres), plan: pct(c.expectedProgres) }));
  }
  lines.push('', input.url);
  return lines.join('\n');
}

/** One silent PPL of the "belum lapor" list, as the summary names them. */
export interface ShareSilentOfficer {
  name: string;
  code: string;
  daysSilent: number;
  lastReport: string | null;
}

export interface ShareSilentInput {
  /** The area the list covers (the viewer's area or the filtered one). */
  areaName: string;
  asOf: string;
  officers: readonly ShareSilentOfficer[];
  url: string;
  locale: Locale;
  t: ShareT;
  limit?: number;
}

/** The "belum lapor" summary: how many PPL are silent on the day, the longest silent first. */
export function buildSilentShareText(input: ShareSilentInput): string {
  const { locale, t } = input;
  const date = formatDate(input.asOf, locale);
  if (input.officers.length === 0) return [t('silent.none', { name: input.areaName, date }), '', input.url].join('\n');
  const lines = [t('silent.title', { name: input.areaName, date, count: formatNumber(input.officers.length, locale) })];
  const worst = [...input.officers].sort((a, b) => b.daysSilent - a.daysSilent || a.code.localeCompare(b.code)).slice(0, input.limit ?? 5);
  lines.push('', t('silent.longest'));
  for (const o of worst)
    lines.push(
      t('silent.item', {
        name: o.name,
        code: o.code,
        last: o.lastReport ? formatDate(o.lastReport, locale) : t('silent.never'),
        days: formatNumber(o.daysSilent, locale),
      }),
    );
  if (input.officers.length > worst.length) lines.push(t('silent.more', { count: formatNumber(input.officers.length - worst.length, locale) }));
  lines.push('', input.url);
  return lines.join('\n');
}

/** A wa.me link that opens WhatsApp with the text; with a phone number, to that person. */
export function whatsappUrl(text: string, phone?: string | null): string {
  const to = phone ? waNumber(phone) : null;
  return `https://wa.me/${to ?? ''}?text=${encodeURIComponent(text)}`;
}

/**
 * A phone number as wa.me wants it: digits only, country code first. Indonesian numbers are
 * written 08…, +62 8… or 62 8…; anything else with fewer than 8 digits is no number.
 */
export function waNumber(phone: string): string | null {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 8) return null;
  if (digits.startsWith('0')) return `62${digits.slice(1)}`;
  return digits;
}
