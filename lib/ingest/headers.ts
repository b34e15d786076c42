// Matching a file's header row to the columns of a kind: case, spaces, underscores and
// punctuation do not matter ("Kode Sub-SLS" = "kode_subsls" = "kodeSubsls"). Problems are
// reported all at once, before any row is read.
import { COLUMNS, IGNORED_COLUMNS, IMPORT_KINDS } from './columns';
import { ImportProblem, type ImportKind } from './reasons';

export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Position of each canonical column in the file (absent optional columns are left out). */
export type ColumnMap = Map<string, number>;

interface Match {
  map: ColumnMap;
  missing: string[];
  unknown: string[];
  duplicate: string[];
}

function match(kind: ImportKind, headers: readonly string[]): Match {
  const byName = new Map<string, string>();
  for (const c of COLUMNS[kind]) for (const name of [c.key, c.json ?? c.key, ...c.aliases]) byName.set(normaliseHeader(name), c.key);
  const ignored = new Set(IGNORED_COLUMNS.map(normaliseHeader));
  const map: ColumnMap = new Map();
  const unknown: string[] = [];
  const duplicate: string[] = [];
  headers.forEach((header, i) => {
    const norm = normaliseHeader(header);
    if (!norm || ignored.has(norm)) return;
    const key = byName.get(norm);
    if (!key) unknown.push(header.trim());
    else if (map.has(key)) duplicate.push(header.trim());
    else map.set(key, i);
  });
  const missing = COLUMNS[kind].filter((c) => c.required && !map.has(c.key)).map((c) => c.key);
  return { map, missing, unknown, duplicate };
}

/** The columns of `kind` found in `headers`, or one ImportProblem naming every mismatch. */
export function matchHeaders(kind: ImportKind, headers: readonly string[]): ColumnMap {
  const m = match(kind, headers);
  if (m.missing.length || m.unknown.length || m.duplicate.length) {
    throw new ImportProblem('headers', {
      kind,
      missing: m.missing.join(', '),
      unknown: m.unknown.join(', '),
      duplicate: m.duplicate.join(', '),
      expected: COLUMNS[kind].map((c) => c.key).join(', '),
    });
  }
  return m.map;
}

/** The one kind whose columns the headers fit exactly, or a problem asking the user to choose. */
export function detectKind(headers: readonly string[]): ImportKind {
  const fits = IMPORT_KINDS.filter((kind) => {
    const m = match(kind, headers);
    return !m.missing.length && !m.unknown.length && !m.duplicate.length;
  });
  if (fits.length === 1) return fits[0];
  const shown = headers.map((h) => h.trim()).filter(Boolean).slice(0, 12).join(', ');
  throw new ImportProblem('kind_unknown', { headers: shown || '–' });
}
