import { diffDays } from '@/lib/domain/dates';
import { presentForecast } from '@/lib/domain/forecast-presentation';
import { windowLength } from '@/lib/domain/metrics';
import { LEVEL_CODE_LENGTH, type AreaLevel } from '@/lib/domain/types';
import { formatDate, formatDateTime } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/messages';
import { resolveAsOf } from '@/lib/domain/as-of';
import type { AreaMetrics } from '@/lib/queries/areas';
import type { Campaign } from '@/lib/queries/campaign';
import type { Data } from '@/lib/server/data';
import { reportingOf, type Reporting } from '@/lib/domain/completeness';
import { forecastText, statusReasonText, type StatusT } from '@/lib/status-text';
import { followupWeekTables } from './followup-tables';
import { areaMetricsTable } from './area-table';
import { toCsv, type CsvDelimiter } from './csv';
import { renderAreaReport } from './pdf-report';
import { toXlsx } from './xlsx';

export type ExportFormat = 'csv' | 'xlsx' | 'pdf';

export interface ExportRequest {
  code: string;
  format: ExportFormat;
  asOf?: string;
  /** List this level under the area instead of its direct children (e.g. kota → kelurahan). */
  level?: AreaLevel;
  delimiter?: CsvDelimiter;
  locale: Locale;
  now?: Date;
}

export interface ExportFile {
  body: Buffer | string;
  contentType: string;
  filename: string;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

interface Loaded {
  campaign: Campaign;
  area: AreaMetrics;
  rows: AreaMetrics[];
  reporting: Reporting;
}

/** The same scoped queries the area page uses; null when the area is not visible (404). */
async function load(data: Data, req: ExportRequest): Promise<Loaded | null> {
  const campaign = await data.getCampaign();
  if (!campaign) return null;
  const params = { code: req.code, asOf: resolveAsOf(campaign, req.asOf), window: campaign };
  const area = await data.getAreaSummary(params);
  if (!area) return null;
  const deeper = req.level && LEVEL_CODE_LENGTH[req.level] > req.code.length + 3;
  const [rows, day] = await Promise.all([
    data.listAreaChildren({ ...params, level: deeper ? req.level : undefined }),
    data.getDayReporting({ areaCode: req.code, tanggal: params.asOf, marks: campaign.marks }),
  ]);
  return { campaign, area, rows, reporting: reportingOf(day, campaign.completeThrough) };
}

/** The as-of date's reporting, and on a partial day which day pace, forecasts and statuses come from. */
function reportingLine(r: Reporting, completeThrough: string | null, locale: Locale): string {
  const t = translator(locale, 'reporting') as unknown as (k: string, v?: Record<string, string | number>) => string;
  const values = { date: formatDate(r.tanggal, locale), reported: r.reported, expected: r.expected, complete: formatDate(completeThrough, locale) };
  return t(r.complete ? 'exportComplete' : 'exportPartial', values);
}

/** Builds one export of an area in the viewer's scope, or null when the area is not theirs. */
export async function buildAreaExport(data: Data, req: ExportRequest): Promise<ExportFile | null> {
  const loaded = await load(data, req);
  if (!loaded) return null;
  const { campaign, area, rows, reporting } = loaded;
  const t = translator(req.locale, 'export') as unknown as (k: string, v?: Record<string, string | number>) => string;
  const common = translator(req.locale, 'common') as unknown as (k: string) => string;
  const now = req.now ?? new Date();
  const meta = [
    t('meta.area', { area: area.name, code: area.code }),
    t('meta.asOf', { date: formatDate(area.asOf, req.locale), day: diffDays(area.asOf, campaign.startDate) + 1, days: windowLength(campaign) }),
    reportingLine(reporting, campaign.completeThrough, req.locale),
    t('meta.generated', { at: formatDateTime(now, req.locale, campaign.timezone, true), by: data.viewer.username }),
  ];
  const statusLabel = (s: string) => common(`status.${s}`);
  const levelLabel = (l: string) => common(`levels.${l}`);
  const childLevel = rows[0]?.level ?? req.level ?? 'kelurahan';
  const st = translator(req.locale, 'status') as unknown as StatusT;
  const forecastWords = (a: AreaMetrics) => forecastText(a, campaign, st, req.locale);
  const words = {
    statusLabel,
    reasonText: (a: AreaMetrics) => statusReasonText(a, st, req.locale),
    finishWords: (a: AreaMetrics) => (presentForecast(a, campaign).kind === 'date' ? null : forecastWords(a)),
  };
  // SLS and sub-SLS rows name who works them, so a lurah knows whom to call about each RT.
  const officers = childLevel === 'sls' || childLevel === 'subsls' ? await data.listAreaOfficers({ code: area.code, level: childLevel }) : undefined;
  const table = areaMetricsTable({ parent: area, rows, levelLabel: levelLabel(childLevel), meta, t, words, officers });
  const stem = `pantau-${area.code}-${childLevel}-${area.asOf}`;
  const file = (body: Buffer | string, format: ExportFormat) => ({ body, contentType: CONTENT_TYPES[format], filename: `${stem}.${format}` });
  if (req.format === 'csv') return file(toCsv(table, req.delimiter ?? ','), 'csv');
  if (req.format === 'xlsx') return file(await toXlsx([table]), 'xlsx');
  const mapAreas =
    area.level === 'kota' && childLevel !== 'kelurahan'
      ? await data.listAreaChildren({ code: area.code, level: 'kelurahan', asOf: area.asOf, window: campaign })
      : rows;
  const [daily, boundaries] = await Promise.all([
    data.listAreaDaily({ code: area.code, from: campaign.startDate, to: area.asOf, window: campaign }),
    data.listBoundaries(mapAreas.map((r) => r.code)),
  ]);
  const pdf = await renderAreaReport({
    area,
    children: rows,
    mapAreas,
    daily: daily ?? [],
    window: campaign,
    boundaries,
    locale: req.locale,
    t,
    statusLabel,
    forecastText: forecastWords,
    levelLabel,
    meta,
    officers,
    extraTables: await followupWeekTables(data, area, req.locale),
  });
  return file(pdf, 'pdf');
}
