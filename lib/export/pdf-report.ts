import PDFDocument from 'pdfkit';
import { diffDays } from '@/lib/domain/dates';
import { forecastBand } from '@/lib/domain/forecast-band';
import { expectedProgres, windowLength } from '@/lib/domain/metrics';
import { STATUS_COLORS } from '@/lib/domain/status-colors';
import { formatDate, formatNumber, formatPercent } from '@/lib/format';
import type { Locale } from '@/lib/i18n/config';
import type { DailyRow } from '@/lib/queries/area-daily';
import type { AreaOfficers } from '@/lib/queries/area-officers';
import type { AreaMetrics } from '@/lib/queries/areas';
import type { Boundary } from '@/lib/queries/boundaries';
import { presentForecast } from '@/lib/domain/forecast-presentation';
import { STATUSES, type CampaignWindow } from '@/lib/domain/types';
import { band, barChart, lineChart, statusMap, type Box } from './pdf-charts';
import type { ExportTable } from './table';

type Doc = InstanceType<typeof PDFDocument>;
type T = (key: string, values?: Record<string, string | number>) => string;

export interface PdfReportInput {
  area: AreaMetrics;
  children: AreaMetrics[];
  daily: DailyRow[];
  window: CampaignWindow;
  /** Areas drawn on the status map (the kelurahan for a kota report), with their boundaries. */
  mapAreas: AreaMetrics[];
  boundaries: Boundary[];
  /** Extra tables (e.g. silent or flagged officers) printed after the areas. */
  extraTables?: ExportTable[];
  locale: Locale;
  t: T;
  statusLabel: (s: string) => string;
  /** The projected finish as a reader should take it (lib/status-text.ts). */
  forecastText: (a: AreaMetrics) => string;
  levelLabel: (level: string) => string;
  meta: string[];
  /** Who works each child (SLS and sub-SLS): a PPL / PML column. */
  officers?: Map<string, AreaOfficers>;
}

const MARGIN = 40;
const WIDTH = 595.28 - 2 * MARGIN;

/** The A4 "Laporan Progres Harian" of one area, in the request's language. */
export function renderAreaReport(input: PdfReportInput): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, info: { Title: title(input), Author: 'Pantau' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  header(doc, input);
  glance(doc, input);
  charts(doc, input);
  childrenTable(doc, input);
  behind(doc, input);
  for (const table of input.extraTables ?? []) genericTable(doc, table);
  map(doc, input);
  definitions(doc, input);
  pageNumbers(doc, input.t);
  doc.end();
  return done;
}

const title = (i: PdfReportInput) => i.t('reportTitle', { area: i.area.name, date: formatDate(i.area.asOf, i.locale) });

function heading(doc: Doc, text: string, need = 80): void {
  if (doc.y + need > doc.page.height - MARGIN - 20) doc.addPage();
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(11).fillColor('#0f172a').text(text, MARGIN, doc.y, { width: WIDTH });
  doc.moveDown(0.3).font('Helvetica').fontSize(8);
}

function header(doc: Doc, i: PdfReportInput): void {
  doc.rect(0, 0, doc.page.width, 6).fill('#1d4ed8');
  doc.font('Helvetica-Bold').fontSize(15).fillColor('#0f172a').text(title(i), MARGIN, MARGIN);
  doc.font('Helvetica').fontSize(8).fillColor('#475569');
  for (const line of i.meta) doc.text(line);
}

function glance(doc: Doc, i: PdfReportInput): void {
  const { area: a, locale, t } = i;
  heading(doc, t('pdf.glance'));
  const n = (v: number | null) => formatNumber(v, locale);
  const p = (v: number | null) => formatPercent(v, locale);
  const tiles: Array<[string, string]> = [
    [t('columns.prelist'), n(a.prelist)],
    [t('columns.selesai'), n(a.selesai)],
    [t('columns.progres'), `${p(a.progres)} (${t('pdf.plan')} ${p(a.expectedProgres)})`],
    [t('columns.status'), i.statusLabel(a.status)],
    [t('columns.cakupanSasaranAwal'), p(a.cakupanSasaranAwal)],
    [t('columns.tingkatPenolakan'), `${p(a.tingkatPenolakan)} (${n(a.menolak)})`],
    [t('columns.tidakDitemui'), n(a.tidakDitemui)],
    [t('columns.belumDikunjungi'), n(a.belumDikunjungi)],
    [t('columns.pace7'), n(a.pace7)],
    [t('columns.requiredPace'), a.requiredPace === null ? '–' : n(a.requiredPace)],
    [
      t('columns.projectedFinish'),
      presentForecast(a, i.window).kind === 'date'
        ? `${formatDate(a.projectedFinish, locale)} (${formatDate(a.projectedFinishLow, locale, false)} – ${formatDate(a.projectedFinishHigh, locale, false)})`
        : i.forecastText(a),
    ],
    [t('columns.keluargaBaru'), n(a.keluargaBaru)],
  ];
  const cols = 4;
  const w = WIDTH / cols;
  const top = doc.y;
  tiles.forEach(([label, value], k) => {
    const x = MARGIN + (k % cols) * w;
    const y = top + Math.floor(k / cols) * 34;
    doc.rect(x + 2, y, w - 4, 30).fillAndStroke('#f8fafc', '#e2e8f0');
    if (label === t('columns.status')) doc.circle(x + 9, y + 21, 3).fill(STATUS_COLORS[a.status]);
    doc.fillColor('#64748b').fontSize(6.5).text(label.toUpperCase(), x + 6, y + 4, { width: w - 12 });
    doc.fillColor('#0f172a').font('Helvetica-Bold').fontSize(9).text(value, x + (label === t('columns.status') ? 15 : 6), y + 16, { width: w - 16 });
    doc.font('Helvetica');
  });
  doc.y = top + Math.ceil(tiles.length / cols) * 34;
}

function charts(doc: Doc, i: PdfReportInput): void {
  const { area: a, window, daily, locale, t } = i;
  const days = Array.from({ length: windowLength(window) }, (_, k) => k);
  const dates = days.map((k) => new Date(Date.parse(`${window.startDate}T00:00:00Z`) + k * 86_400_000).toISOString().slice(0, 10));
  const closedBy = new Map(daily.map((d) => [d.tanggal, d.closed]));
  const path = new Map(forecastBand(closedBy, window, a.asOf, a.universe).map((p) => [p.tanggal, p]));
  const labels = dates.map((d) => formatDate(d, locale, false));
  const fmt = (v: number) => formatNumber(v, locale);
  heading(doc, t('pdf.cumulative'), 170);
  const box1: Box = { x: MARGIN + 44, y: doc.y + 4, w: WIDTH - 50, h: 120 };
  const max = Math.max(a.universe, 1);
  band(doc, box1, dates.length, dates.map((d) => path.get(d)?.low ?? null), dates.map((d) => path.get(d)?.high ?? null), max, '#e69f00');
  lineChart(doc, box1, labels, [
    { values: dates.map(() => a.universe), color: '#94a3b8', dash: true, width: 0.8 },
    { values: dates.map((d) => expectedProgres(window, d) * a.universe), color: '#64748b', dash: true, width: 1 },
    { values: dates.map((d) => (d <= a.asOf ? (closedBy.get(d) ?? 0) : null)), color: '#1d4ed8', width: 2 },
    { values: dates.map((d) => path.get(d)?.expected ?? null), color: '#e69f00', dash: true },
  ], max, fmt);
  doc.y = box1.y + box1.h + 14;
  legend(doc, [['#1d4ed8', t('pdf.actual')], ['#64748b', t('pdf.plan')], ['#94a3b8', t('pdf.target')], ['#e69f00', t('pdf.forecast')]]);
  heading(doc, t('pdf.pace'), 130);
  const shown = daily.filter((d) => d.tanggal <= a.asOf);
  const box2: Box = { x: MARGIN + 44, y: doc.y + 4, w: WIDTH - 50, h: 80 };
  barChart(doc, box2, shown.map((d) => formatDate(d.tanggal, locale, false)), shown.map((d) => d.pace), shown.map((d) => d.pace7), fmt);
  doc.y = box2.y + box2.h + 14;
}

function legend(doc: Doc, items: Array<[string, string]>): void {
  let x = MARGIN + 44;
  const y = doc.y;
  for (const [color, label] of items) {
    doc.rect(x, y + 2, 10, 3).fill(color);
    doc.fillColor('#334155').fontSize(7).text(label, x + 13, y, { lineBreak: false });
    x += 20 + doc.widthOfString(label);
  }
  doc.text('', MARGIN, y + 10);
}

function childrenTable(doc: Doc, i: PdfReportInput): void {
  if (i.children.length === 0) return;
  heading(doc, `${i.t('pdf.children')}: ${i.levelLabel(i.children[0].level)}`);
  const { t, locale } = i;
  type Col = [string, number, (c: AreaMetrics) => string, 'left' | 'right'];
  const cols: Col[] = [
    [t('columns.name'), i.officers ? 0.16 : 0.26, (c) => c.name, 'left'],
    ...(i.officers ? [[`${t('columns.ppl')} / ${t('columns.pml')}`, 0.22, (c: AreaMetrics) => people(i.officers?.get(c.code)), 'left'] as Col] : []),
    [t('columns.prelist'), i.officers ? 0.08 : 0.1, (c) => formatNumber(c.prelist, locale), 'right'],
    [t('columns.selesai'), 0.1, (c) => formatNumber(c.selesai, locale), 'right'],
    [t('columns.progres'), 0.09, (c) => formatPercent(c.progres, locale), 'right'],
    [t('columns.tingkatPenolakan'), 0.1, (c) => formatPercent(c.tingkatPenolakan, locale), 'right'],
    [t('columns.pace7'), 0.08, (c) => formatNumber(c.pace7, locale), 'right'],
    [t('columns.projectedFinish'), 0.12, (c) => i.forecastText(c), 'right'],
    [t('columns.status'), i.officers ? 0.13 : 0.15, (c) => i.statusLabel(c.status), 'left'],
  ];
  rowsTable(doc, cols.map(([h, w, , align]) => [h, w, align]), i.children.map((c) => ({ cells: cols.map(([, , f]) => f(c)), dot: STATUS_COLORS[c.status] })));
}

/** "PPL name; … / PML name" for one area, short enough for one line of the table. */
function people(o: AreaOfficers | undefined): string {
  if (!o) return '–';
  return `${o.ppl.map((p) => p.name).join('; ') || '–'} / ${o.pml.map((p) => p.name).join('; ') || '–'}`;
}

function rowsTable(doc: Doc, cols: Array<[string, number, 'left' | 'right']>, rows: Array<{ cells: string[]; dot?: string }>): void {
  const width = (k: number) => cols[k][1] * WIDTH - 6;
  const line = (cells: string[], bold: boolean, dot?: string) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(7).fillColor('#0f172a');
    // Headers wrap onto as many lines as the longest needs ("Tingkat penolakan" in a narrow
    // column); body cells stay on one line so the rows keep their rhythm.
    const height = bold ? Math.max(9, ...cells.map((c, k) => doc.heightOfString(c, { width: width(k) }))) : 9;
    if (doc.y + height > doc.page.height - MARGIN - 30) doc.addPage();
    const y = doc.y;
    let x = MARGIN;
    cells.forEach((c, k) => {
      const w = cols[k][1] * WIDTH;
      const isLast = k === cells.length - 1 && dot;
      if (isLast) doc.circle(x + 4, y + 3.5, 2.5).fill(dot).fillColor('#0f172a');
      const options = bold ? { width: width(k), align: cols[k][2] } : { width: width(k), height: 9, align: cols[k][2], lineBreak: false, ellipsis: true };
      doc.text(c, x + (isLast ? 10 : 2), y, options);
      x += w;
    });
    doc.moveTo(MARGIN, y + height + 1).lineTo(MARGIN + WIDTH, y + height + 1).lineWidth(0.3).strokeColor('#e2e8f0').stroke();
    doc.text('', MARGIN, y + height + 3);
  };
  line(cols.map(([h]) => h), true);
  for (const r of rows) line(r.cells, false, r.dot);
}

function behind(doc: Doc, i: PdfReportInput): void {
  const late = i.children.filter((c) => c.status === 'berisiko' || c.status === 'tertinggal' || c.status === 'macet').sort((a, b) => (a.progres ?? 0) - (b.progres ?? 0));
  heading(doc, i.t('pdf.behind'));
  if (late.length === 0) return void doc.fillColor('#334155').text(i.t('pdf.noneBehind'));
  for (const c of late) {
    doc.fillColor('#0f172a').text(
      `• ${c.name} (${c.code}) — ${i.statusLabel(c.status)}, ${formatPercent(c.progres, i.locale)}; ${i.t('columns.pace7').toLowerCase()} ${formatNumber(c.pace7, i.locale)}, ${i.t('columns.requiredPace').toLowerCase()} ${c.requiredPace === null ? '–' : formatNumber(c.requiredPace, i.locale)}`,
      { width: WIDTH },
    );
  }
}

function genericTable(doc: Doc, table: ExportTable): void {
  heading(doc, table.title);
  const weight = table.columns.reduce((s, c) => s + (c.width ?? 10), 0);
  rowsTable(
    doc,
    table.columns.map((c) => [c.header, (c.width ?? 10) / weight, c.kind === 'int' || c.kind === 'num' ? 'right' : 'left']),
    table.rows.map((r) => ({ cells: table.columns.map((c) => (r[c.key] === null || r[c.key] === undefined ? '' : String(r[c.key]))) })),
  );
}

function map(doc: Doc, i: PdfReportInput): void {
  const status = new Map(i.mapAreas.map((c) => [c.code, c.status]));
  const areas = i.boundaries.filter((b) => status.has(b.code)).map((b) => ({ geometry: b.geometry, status: status.get(b.code)! }));
  if (areas.length === 0) return;
  heading(doc, i.t('pdf.map'), 260);
  const box: Box = { x: MARGIN + 60, y: doc.y + 4, w: WIDTH - 120, h: 220 };
  statusMap(doc, box, areas);
  doc.y = box.y + box.h + 6;
  legend(doc, STATUSES.map((s) => [STATUS_COLORS[s], i.statusLabel(s)]));
  doc.fillColor('#64748b').fontSize(6.5).text('Batas wilayah: BPS / OCHA HDX COD-AB Indonesia (CC BY-IGO)', MARGIN, doc.y + 2);
}

function definitions(doc: Doc, i: PdfReportInput): void {
  heading(doc, i.t('pdf.definitions'), 100);
  for (const key of ['progres', 'cakupanSasaranAwal', 'tingkatPenolakan', 'belumDikunjungi', 'pace', 'requiredPace', 'status']) {
    doc.fillColor('#334155').fontSize(7.5).text(i.t(`definitions.${key}`), { width: WIDTH });
  }
  const day = diffDays(i.area.asOf, i.window.startDate) + 1;
  doc.moveDown(0.5).fillColor('#64748b').fontSize(7).text(`${i.t('meta.modelled')} (${day}/${windowLength(i.window)})`);
}

function pageNumbers(doc: Doc, t: T): void {
  const range = doc.bufferedPageRange();
  for (let k = range.start; k < range.start + range.count; k++) {
    doc.switchToPage(k);
    // Writing inside the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    doc.fillColor('#94a3b8').fontSize(7).text(t('pdf.page', { page: k + 1, pages: range.count }), MARGIN, doc.page.height - MARGIN + 10, {
      width: WIDTH,
      align: 'right',
      lineBreak: false,
    });
  }
}
