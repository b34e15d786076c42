// The printable "Tindak lanjut penolakan": one A4 page (or more, when long) per kelurahan, for
// the lurah to hand to the RT heads. Counts only: the PPL keeps the names and addresses.
import PDFDocument from 'pdfkit';
import { formatDate, formatNumber, formatPercent } from '@/lib/format';
import { openCases } from '@/lib/domain/refusals';
import type { Locale } from '@/lib/i18n/config';
import type { FollowupList, FollowupListRow } from '@/lib/queries/followup-list';

type Doc = InstanceType<typeof PDFDocument>;
type T = (key: string, values?: Record<string, string | number>) => string;

const MARGIN = 40;
const WIDTH = 595.28 - 2 * MARGIN;
const COLUMNS: Array<{ key: string; width: number; value: (r: FollowupListRow, l: Locale) => string }> = [
  { key: 'sls', width: 0.2, value: (r) => `${r.name} (${r.code.slice(10)})` },
  { key: 'menolak', width: 0.09, value: (r, l) => formatNumber(r.menolak, l) },
  { key: 'tidakDitemui', width: 0.09, value: (r, l) => formatNumber(r.tidakDitemui, l) },
  { key: 'convertedThisWeek', width: 0.1, value: (r, l) => formatNumber(r.convertedThisWeek, l) },
  { key: 'konversiPenolakan', width: 0.1, value: (r, l) => formatPercent(r.konversiPenolakan, l) },
  { key: 'ppl', width: 0.16, value: (r) => r.ppl.join(', ') },
  { key: 'pml', width: 0.14, value: (r) => r.pml.join(', ') },
  { key: 'lastFollowup', width: 0.12, value: (r, l) => (r.lastFollowup ? formatDate(r.lastFollowup, l) : '–') },
];

function byKelurahan(rows: readonly FollowupListRow[]): Map<string, FollowupListRow[]> {
  const out = new Map<string, FollowupListRow[]>();
  for (const r of rows) out.set(r.kelurahan, [...(out.get(r.kelurahan) ?? []), r]);
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}

function tableHeader(doc: Doc, t: T): void {
  let x = MARGIN;
  const y = doc.y;
  doc.font('Helvetica-Bold').fontSize(7.5).fillColor('#0f172a');
  for (const c of COLUMNS) {
    doc.text(t(`columns.${c.key}`), x, y, { width: c.width * WIDTH - 4 });
    x += c.width * WIDTH;
  }
  doc.moveDown(0.4).moveTo(MARGIN, doc.y).lineTo(MARGIN + WIDTH, doc.y).strokeColor('#94a3b8').stroke().moveDown(0.3);
}

function row(doc: Doc, r: FollowupListRow, locale: Locale): void {
  let x = MARGIN;
  const y = doc.y;
  let bottom = y;
  doc.font('Helvetica').fontSize(8).fillColor('#0f172a');
  for (const c of COLUMNS) {
    doc.text(c.value(r, locale), x, y, { width: c.width * WIDTH - 4 });
    bottom = Math.max(bottom, doc.y);
    x += c.width * WIDTH;
  }
  doc.y = bottom + 3;
}

function page(doc: Doc, rows: FollowupListRow[], list: FollowupList, locale: Locale, t: T): void {
  doc.rect(0, 0, doc.page.width, 6).fill('#1d4ed8');
  doc.font('Helvetica-Bold').fontSize(14).fillColor('#0f172a').text(t('pdf.title', { kelurahan: rows[0].kelurahanName }), MARGIN, MARGIN);
  doc.font('Helvetica').fontSize(8).fillColor('#475569').text(t('pdf.subtitle', { date: formatDate(list.asOf, locale) }));
  doc.moveDown(0.8);
  tableHeader(doc, t);
  for (const r of rows) {
    if (doc.y > doc.page.height - MARGIN - 60) {
      doc.addPage();
      tableHeader(doc, t);
    }
    row(doc, r, locale);
  }
  doc.moveDown(2).font('Helvetica').fontSize(9).fillColor('#0f172a').text(t('pdf.signature'), MARGIN, doc.y);
}

/** One page per kelurahan of the list (its SLS with open cases), in kelurahan code order. */
export function renderFollowupPdf(list: FollowupList, locale: Locale, t: T): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: `${t('title')} — ${list.area.name}`, Author: 'Pantau' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  // Only SLS with something to follow up: a page of zeros gives an RT head nothing to do.
  const groups = [...byKelurahan(list.sls.filter((r) => openCases(r) > 0)).values()];
  if (groups.length === 0) doc.font('Helvetica').fontSize(10).text(t('empty'));
  groups.forEach((rows, i) => {
    if (i > 0) doc.addPage();
    page(doc, rows, list, locale, t);
  });
  doc.end();
  return done;
}
