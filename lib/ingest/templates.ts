// Downloadable templates, one per kind, in CSV and XLSX, with the Indonesian headers the
// importer expects and a guide to every column.
import en from '@/messages/en/ingest.json';
import id from '@/messages/id/ingest.json';
import { writeCsv } from '@/lib/export/csv';
import { writeXlsx } from '@/lib/export/xlsx';
import type { Locale } from '@/lib/i18n/config';
import { COLUMNS } from './columns';
import type { ImportKind } from './reasons';

const CATALOGUE = { id, en } as const;

function describe(kind: ImportKind, key: string, locale: Locale): string {
  const columns = CATALOGUE[locale].columns as Record<string, string>;
  // The same name means a different thing in the officers file.
  return (kind === 'officers' && key === 'kode_petugas' ? columns.kode_petugas_officer : columns[key]) ?? '';
}

export function templateCsv(kind: ImportKind): string {
  return writeCsv(COLUMNS[kind].map((c) => c.key), []);
}

export function templateXlsx(kind: ImportKind, locale: Locale): Promise<Buffer> {
  const t = CATALOGUE[locale].template;
  const columns = COLUMNS[kind];
  return writeXlsx({
    name: t.sheets[kind],
    headers: columns.map((c) => c.key),
    rows: [],
    textColumns: new Set(columns.flatMap((c, i) => (c.text ? [i] : []))),
    guide: {
      name: t.guide,
      rows: [[t.column, t.required, t.description], ...columns.map((c) => [c.key, c.required ? t.yes : t.no, describe(kind, c.key, locale)]), [], ['', '', t.note]],
    },
  });
}
