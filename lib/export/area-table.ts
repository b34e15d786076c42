import type { AreaOfficers } from '@/lib/queries/area-officers';
import type { AreaMetrics } from '@/lib/queries/areas';
import type { ExportColumn, ExportTable } from './table';

type T = (key: string, values?: Record<string, string | number>) => string;

const COLUMNS: Array<[key: keyof AreaMetrics | 'kemendagri', kind: ExportColumn['kind'], width: number]> = [
  ['code', 'code', 18],
  ['kemendagri', 'code', 16],
  ['name', 'text', 24],
  ['prelist', 'int', 10],
  ['keluargaBaru', 'int', 9],
  ['universe', 'int', 10],
  ['selesai', 'int', 10],
  ['menolak', 'int', 9],
  ['tidakDitemui', 'int', 9],
  ['tidakDitemukan', 'int', 9],
  ['belumDikunjungi', 'int', 10],
  ['progres', 'pct', 9],
  ['cakupanSasaranAwal', 'pct', 10],
  ['tingkatPenolakan', 'pct', 10],
  ['pace7', 'num', 9],
  ['requiredPace', 'num', 9],
  ['projectedFinish', 'date', 12],
  ['status', 'status', 13],
  ['statusReason', 'text', 30],
];

/** How statuses and forecasts read in a file: labels, reason sentences, "melewati 14 Nov (±N hari)". */
export interface StatusWords {
  statusLabel: (s: string) => string;
  reasonText: (a: AreaMetrics) => string;
  /** Null when the finish reads as its date; otherwise the words standing in for it. */
  finishWords: (a: AreaMetrics) => string | null;
}

function row(a: AreaMetrics, words: StatusWords) {
  const out: Record<string, string | number | null> = {};
  for (const [key] of COLUMNS) {
    if (key === 'kemendagri') out[key] = a.kemendagriCode;
    else if (key === 'status') out[key] = words.statusLabel(a.status);
    else if (key === 'statusReason') out[key] = words.reasonText(a);
    else if (key === 'projectedFinish') out[key] = words.finishWords(a) ?? a.projectedFinish;
    else out[key] = a[key] as string | number | null;
  }
  return out;
}

/** The table of areas (children or one level down) with every metric, and the parent as totals. */
export function areaMetricsTable(params: {
  parent: AreaMetrics;
  rows: AreaMetrics[];
  levelLabel: string;
  meta: string[];
  t: T;
  words: StatusWords;
  /** Who works each row's area (SLS and sub-SLS rows): adds the PPL and PML columns. */
  officers?: Map<string, AreaOfficers>;
}): ExportTable {
  const { parent, rows, levelLabel, meta, t, words, officers } = params;
  const totals = row(parent, words);
  const names = (list: { name: string }[] | undefined) => (list ?? []).map((o) => o.name).join('; ');
  const people: ExportColumn[] = officers
    ? [
        { key: 'ppl', kind: 'text', width: 24, header: t('columns.ppl') },
        { key: 'pml', kind: 'text', width: 24, header: t('columns.pml') },
      ]
    : [];
  const withPeople = (out: Record<string, string | number | null>, code: string) =>
    officers ? { ...out, ppl: names(officers.get(code)?.ppl), pml: names(officers.get(code)?.pml) } : out;
  totals.name = `${t('total')} ${parent.name}`;
  return {
    // Level names keep their case ("Progres SLS", "Progres Kelurahan"): lower-casing made "sls".
    name: t('sheetName', { level: levelLabel }),
    title: t('tableTitle', { level: levelLabel, area: parent.name }),
    meta,
    columns: [...COLUMNS.map(([key, kind, width]) => ({ key, kind, width, header: t(`columns.${key}`) })), ...people],
    rows: rows.map((r) => withPeople(row(r, words), r.code)),
    totals,
  };
}
