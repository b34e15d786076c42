import type PDFDocument from 'pdfkit';
import { STATUS_COLORS } from '@/lib/domain/status-colors';
import type { Status } from '@/lib/domain/types';

type Doc = InstanceType<typeof PDFDocument>;
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface Series {
  values: Array<number | null>;
  color: string;
  dash?: boolean;
  width?: number;
}

function axes(doc: Doc, box: Box, max: number, labels: string[], fmt: (n: number) => string): void {
  doc.save().lineWidth(0.5).strokeColor('#cbd5e1');
  for (let i = 0; i <= 4; i++) {
    const y = box.y + box.h - (box.h * i) / 4;
    doc.moveTo(box.x, y).lineTo(box.x + box.w, y).stroke();
    doc.fillColor('#64748b').fontSize(6).text(fmt((max * i) / 4), box.x - 42, y - 3, { width: 38, align: 'right' });
  }
  const step = Math.max(1, Math.ceil(labels.length / 8));
  labels.forEach((l, i) => {
    if (i % step) return;
    const x = box.x + (box.w * i) / Math.max(1, labels.length - 1);
    doc.fillColor('#64748b').fontSize(6).text(l, x - 15, box.y + box.h + 3, { width: 30, align: 'center' });
  });
  doc.restore();
}

/** Line chart: one polyline per series over the same x positions (null = gap). */
export function lineChart(doc: Doc, box: Box, labels: string[], series: Series[], max: number, fmt: (n: number) => string): void {
  if (labels.length) axes(doc, box, max, labels, fmt);
  const count = Math.max(labels.length, ...series.map((s) => s.values.length));
  const xOf = (i: number) => box.x + (box.w * i) / Math.max(1, count - 1);
  const yOf = (v: number) => box.y + box.h - (box.h * Math.min(v, max)) / (max || 1);
  for (const s of series) {
    doc.save().lineWidth(s.width ?? 1.5).strokeColor(s.color);
    if (s.dash) doc.dash(3, { space: 2 });
    let drawing = false;
    s.values.forEach((v, i) => {
      if (v === null) return void (drawing = false);
      if (drawing) doc.lineTo(xOf(i), yOf(v));
      else doc.moveTo(xOf(i), yOf(v));
      drawing = true;
    });
    doc.stroke().undash().restore();
  }
}

/** Shaded band between two series (forecast range). */
export function band(doc: Doc, box: Box, count: number, low: Array<number | null>, high: Array<number | null>, max: number, color: string): void {
  const pts = low.map((l, i) => [i, l, high[i]] as const).filter(([, l, h]) => l !== null && h !== null) as Array<readonly [number, number, number]>;
  if (pts.length < 2) return;
  const xOf = (i: number) => box.x + (box.w * i) / Math.max(1, count - 1);
  const yOf = (v: number) => box.y + box.h - (box.h * Math.min(v, max)) / (max || 1);
  doc.save().fillColor(color).fillOpacity(0.18);
  doc.moveTo(xOf(pts[0][0]), yOf(pts[0][2]));
  for (const [i, , h] of pts) doc.lineTo(xOf(i), yOf(h));
  for (const [i, l] of [...pts].reverse()) doc.lineTo(xOf(i), yOf(l));
  doc.closePath().fill().restore();
}

/** Bar chart of daily values with a line overlay. */
export function barChart(doc: Doc, box: Box, labels: string[], bars: number[], line: Array<number | null>, fmt: (n: number) => string): void {
  const max = Math.max(1, ...bars, ...line.map((v) => v ?? 0));
  axes(doc, box, max, labels, fmt);
  const slot = box.w / Math.max(1, bars.length);
  bars.forEach((v, i) => {
    const h = (box.h * Math.max(0, v)) / max;
    doc.rect(box.x + i * slot + slot * 0.15, box.y + box.h - h, slot * 0.7, h).fill('#93c5fd');
  });
  const centred = { ...box, x: box.x + slot / 2, w: box.w - slot };
  lineChart(doc, centred, [], [{ values: line, color: '#1d4ed8' }], max, () => '');
}

type Ring = number[][];
function rings(geometry: { type: string; coordinates: unknown }): Ring[] {
  if (geometry.type === 'Polygon') return geometry.coordinates as Ring[];
  if (geometry.type === 'MultiPolygon') return (geometry.coordinates as Ring[][]).flat();
  return [];
}

/** A choropleth of areas coloured by status, fitted into the box (equirectangular). */
export function statusMap(doc: Doc, box: Box, areas: Array<{ geometry: { type: string; coordinates: unknown }; status: Status }>): void {
  const all = areas.flatMap((a) => rings(a.geometry).flat());
  if (all.length === 0) return;
  const xs = all.map((p) => p[0]);
  const ys = all.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min(box.w / (maxX - minX || 1), box.h / (maxY - minY || 1));
  const px = (p: number[]) => [box.x + (p[0] - minX) * scale, box.y + (maxY - p[1]) * scale] as const;
  for (const a of areas) {
    doc.save().lineWidth(0.4).strokeColor('#ffffff').fillColor(STATUS_COLORS[a.status]);
    for (const ring of rings(a.geometry)) {
      ring.forEach((p, i) => (i === 0 ? doc.moveTo(...px(p)) : doc.lineTo(...px(p))));
      doc.closePath();
    }
    doc.fillAndStroke().restore();
  }
}
