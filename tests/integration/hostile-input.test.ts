// Hostile input against the built app over HTTP (issue #10): every /api/v1 operation of the route
// manifest (lib/api/routes) gets fast-check arbitraries for its path, query, body and method — the
// query keys and the values of its parameters derived from the zod schemas it declares, mixed with
// hostile text; an operation without them fails the first test. Whatever arrives — random bytes, huge or deeply nested JSON, wrong
// encodings, formulas, 10,000 columns, malformed multipart, path traversal, wrong methods — the
// answer is never a 5xx: a 4xx carries a JSON error whose message is in the request's language
// (Bahasa Indonesia unless the cookie or Accept-Language asks for English) and names the field
// when the details do. Requests go as admin (Bearer), as a lurah and anonymously; afterwards the
// server still answers and the data's change token has not moved. Exports neutralise formulas
// that came in through an import.
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { API_OPERATIONS } from '@/lib/api/routes';
import { DEMO_PASSWORD } from '@/lib/auth/demo-users';
import { startAppServer, type AppServer } from './app-server';
import { enumerateRoutes } from './access-routes';
import { MB, zipBomb } from '../support/zip-bomb';

/** Runs per fuzzed route handler and caller kind; the whole file stays well under 3 min on 2 cores. */
const RUNS = Number(process.env.HOSTILE_RUNS ?? 25);
/**
 * fast-check's seed: fixed by default, so CI judges every commit on the same inputs (a failure
 * replays with the seed it prints); HOSTILE_SEED=random draws new inputs each run (for exploring),
 * HOSTILE_SEED=<n> replays one.
 */
const SEED = process.env.HOSTILE_SEED === 'random' ? undefined : Number(process.env.HOSTILE_SEED ?? 20221015);
/** HOSTILE_COLLECT=1 lists every failure instead of stopping at the first (for exploring). */
const COLLECT = process.env.HOSTILE_COLLECT === '1';

type Who = 'admin' | 'lurah' | 'anon';
type Lang = 'default' | 'accept-en' | 'cookie-en' | 'accept-id' | 'cookie-id-over-accept-en' | 'accept-en-weird';

interface HostileRequest {
  method: string;
  /** Path below the origin, already encoded (may hold raw %-escapes on purpose). */
  path: string;
  /** Raw query string without "?" (may be malformed on purpose). */
  query?: string;
  headers?: Record<string, string>;
  body?: Uint8Array | string;
}

// ---------------------------------------------------------------- hostile values

const FORMULAS = [
  '=HYPERLINK("http://x","y")',
  "+cmd|' /C calc'!A0",
  '-1+1',
  '@SUM(1+1)',
  '=1+1',
  '\t=1',
  '\r=1',
  "=cmd|' /C notepad'!'A1'",
];
const TRAVERSAL = ['../../etc/passwd', '..\\..\\windows\\win.ini', '....//....//etc/passwd', '/etc/passwd', '..', '.', '~root', 'C:\\boot.ini'];
const WEIRD = [
  '',
  ' ',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '-0',
  '1e9',
  '1e309',
  '0x10',
  '9'.repeat(400),
  '6471'.repeat(500),
  '٦٤٧١',
  '６４７１',
  '\u0000',
  '\uFEFF6471',
  '6471\n',
  '\ud800',
  'ñandú',
  '💥🇮🇩',
  "'; drop table area; --",
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '%',
  '%%',
  '2022-13-45',
  '2022-02-30',
  '2022-11-01T00:00:00Z',
  '99999-01-01',
  '0000-00-00',
  'x'.repeat(5000),
];

/** encodeURIComponent, also for lone surrogates (sent as the UTF-8 of U+FFFD, as a browser would). */
function encodeAny(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return [...Buffer.from(text, 'utf8')].map((b) => '%' + b.toString(16).toUpperCase().padStart(2, '0')).join('');
  }
}

const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...FORMULAS, ...TRAVERSAL, ...WEIRD) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.stringMatching(/^\d{1,20}$/) },
);

/** A path segment: encoded hostile text, or raw escapes a browser would never send. */
const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: hostileText.filter((s) => s !== '' && s !== '.' && s !== '..').map(encodeAny) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '..%2f..%2f..%2fpackage.json',
      '%2e%2e%5c%2e%2e%5cwindows',
      '6471%00.csv',
      '%ff%fe',
      '%c0%ae%c0%ae%2f',
      '%E0%A4%A',
      '%',
      '6471.csv%20',
      '6471.CSV',
      '6471.csv.exe',
      '6471.xlsx%00.pdf',
      '64710.csv',
      '6471..csv',
      '.csv',
      'reports.csv%2f..%2f..%2fsecret',
      '%252e%252e%252f',
      'ＲＥＰＯＲＴＳ.csv',
    ),
  },
);

/**
 * Values a declared zod field accepts or nearly accepts, read from its JSON Schema: the members of
 * an enum, integers at and beyond its bounds, strings matching its pattern — else hostile text.
 */
function schemaValues(field: z.ZodType | undefined): fc.Arbitrary<string> {
  if (!field) return hostileText;
  const js = z.toJSONSchema(field, { io: 'input', unrepresentable: 'any' }) as { enum?: unknown[]; type?: string; minimum?: number; maximum?: number; pattern?: string };
  const arbs: fc.Arbitrary<string>[] = [];
  if (js.enum?.length) arbs.push(fc.constantFrom(...js.enum.map(String)));
  if (js.type === 'integer' || js.type === 'number') {
    const lo = js.minimum ?? -1_000_000;
    const hi = js.maximum ?? 1_000_000;
    arbs.push(fc.constantFrom(String(lo - 1), String(lo), String(hi), String(hi + 1), `${lo}.5`), fc.integer({ min: Math.max(lo, -1e9), max: Math.min(hi, 1e9) }).map(String));
  }
  if (js.pattern) arbs.push(fc.stringMatching(new RegExp(js.pattern)));
  return arbs.length ? fc.oneof({ weight: 2, arbitrary: fc.oneof(...arbs) }, { weight: 1, arbitrary: hostileText }) : hostileText;
}

/** A query string: declared parameters (with values from their schemas or hostile) and unknown ones, or raw garbage. */
function hostileQuery(query: z.ZodObject | undefined): fc.Arbitrary<string> {
  const shape = (query?.shape ?? {}) as Record<string, z.ZodType>;
  const keys = Object.keys(shape);
  const known = keys.length ? fc.constantFrom(...keys).chain((k) => fc.tuple(fc.constant(k), schemaValues(shape[k]))) : fc.tuple(hostileText, hostileText);
  const pair = fc.oneof({ weight: 4, arbitrary: known }, { weight: 1, arbitrary: fc.tuple(hostileText, hostileText) });
  const built = fc
    .array(pair, { maxLength: 4 })
    .map((pairs) => pairs.map(([k, v]) => `${encodeAny(k)}=${encodeAny(v)}`).join('&'));
  const raw = fc.constantFrom(
    'asOf=garbage',
    'asOf=2022-02-30',
    'asOf=9999-12-31',
    'level=xyz',
    'page=-1',
    'page=1e9',
    'limit=1e9',
    'pageSize=1e9',
    'offset=-5',
    'offset=1e400',
    'limit=0x10',
    'sort=unknown',
    'sort=__proto__',
    'dir=sideways',
    '__proto__[x]=1',
    'constructor=1',
    'asOf[]=1&asOf[]=2',
    'asOf=2022-11-01&asOf=garbage',
    'a=%ff',
    '%=%',
    '&&&=&=',
    'q=%00',
    'q=' + encodeURIComponent('x'.repeat(2000)),
    'since=' + '9'.repeat(300),
    'delimiter=tab',
    'lang=fr',
    'lang=EN',
    'metric=__proto__',
    'source=seed',
    'petugas=../../etc',
    'area=' + '6'.repeat(300),
    'from=2022-11-14&to=2022-10-15',
  );
  return fc.oneof(built, raw);
}

// ---------------------------------------------------------------- bodies

const enc = new TextEncoder();
const utf16le = (text: string) => {
  const out = Buffer.alloc(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  out.write(text, 2, 'utf16le');
  return new Uint8Array(out);
};
const utf16be = (text: string) => {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), le]));
};
const latin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
/** Valid UTF-8, then a lone continuation byte and an overlong sequence. */
const invalidUtf8 = (text: string) => new Uint8Array(Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from([0x80, 0xc0, 0xaf, 0xff])]));

const encodings: fc.Arbitrary<(text: string) => Uint8Array> = fc.constantFrom(
  (t: string) => enc.encode(t),
  (t: string) => enc.encode('\uFEFF' + t),
  utf16le,
  utf16be,
  latin1,
  invalidUtf8,
);

const DEEP_ARRAY = '['.repeat(100_000) + ']'.repeat(100_000);
const DEEP_OBJECT = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
const DEEP_IN_ROW = '[{"kodeSubsls":' + '['.repeat(50_000) + ']'.repeat(50_000) + '}]';

const REPORT_KEYS = ['tanggal', 'kodeSubsls', 'kodePetugas', 'selesai', 'menolak', 'tidakDitemui', 'tidakDitemukan', 'keluargaBaru', 'catatan'];

/** A report-shaped row with hostile values and stray keys (never a valid one: no real codes). */
const hostileReportRow = fc.dictionary(
  fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...REPORT_KEYS, '__proto__', 'constructor') }, { weight: 1, arbitrary: hostileText }),
  fc.oneof(
    hostileText,
    fc.integer(),
    fc.double(),
    fc.constantFrom(null, true, false, [], {}, Number.MAX_SAFE_INTEGER + 2, -1, 1e308),
    fc.array(fc.integer(), { maxLength: 3 }),
  ),
  { maxKeys: 10 },
);

const jsonBody: fc.Arbitrary<{ body: Uint8Array | string; type?: string }> = fc.oneof(
  { weight: 4, arbitrary: fc.array(hostileReportRow, { maxLength: 5 }).map((rows) => ({ body: JSON.stringify(rows), type: 'application/json' })) },
  { weight: 2, arbitrary: fc.json({ maxDepth: 4 }).map((body) => ({ body, type: 'application/json' })) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 500 }).map((body) => ({ body, type: 'application/json' })) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      { body: DEEP_ARRAY, type: 'application/json' },
      { body: DEEP_OBJECT, type: 'application/json' },
      { body: DEEP_IN_ROW, type: 'application/json' },
      { body: '', type: 'application/json' },
      { body: 'null', type: 'application/json' },
      { body: '{}', type: 'application/json' },
      { body: '"x"', type: 'application/json' },
      { body: '[' + '{},'.repeat(5001) + '{}]', type: 'application/json' },
      { body: JSON.stringify([{ kodeSubsls: 'x'.repeat(200_000) }]), type: 'application/json' },
      { body: '[1,2', type: 'application/json' },
      { body: '[]', type: 'text/plain' },
      { body: 'kode_subsls=1', type: 'application/x-www-form-urlencoded' },
      { body: '[]', type: 'application/json; charset=utf-16' },
      { body: '[]', type: undefined },
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(encodings, fc.array(hostileReportRow, { maxLength: 3 }))
      .map(([encode, rows]) => ({ body: encode(JSON.stringify(rows)), type: 'application/json' })),
  },
);

const FOLLOWUP_KEYS = ['id', 'kodeSls', 'tanggal', 'parties', 'visited', 'agreed', 'stillRefusing', 'note'];

/** A follow-up-shaped object with hostile values (a NIK-like note, huge counts, stray keys). */
const followupBody: fc.Arbitrary<{ body: Uint8Array | string; type?: string }> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .dictionary(
        fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FOLLOWUP_KEYS, '__proto__') }, { weight: 1, arbitrary: hostileText }),
        fc.oneof(
          hostileText,
          fc.integer(),
          fc.double(),
          fc.constantFrom(null, true, [], {}, ['ketua_rt'], ['camat', 'x'], '64710200020001', '2022-10-20', '6471020002000112345', '3171234567890123', -1, 1e308),
        ),
        { maxKeys: 9 },
      )
      .map((o) => ({ body: JSON.stringify(o), type: 'application/json' })),
  },
  { weight: 1, arbitrary: jsonBody },
);

const CSV_HEADERS: Record<string, string[]> = {
  reports: ['tanggal', 'kode_subsls', 'kode_petugas', 'selesai', 'menolak', 'tidak_ditemui', 'tidak_ditemukan', 'keluarga_baru', 'catatan'],
  areas: ['kode_wilayah', 'nama_wilayah', 'prelist'],
  officers: ['kode_petugas', 'nama_petugas', 'peran', 'kode_pengawas', 'kode_wilayah'],
  assignments: ['kode_subsls', 'kode_petugas'],
};
const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** CSV text of one kind (or random headers) whose cells are hostile. */
const hostileCsv: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(fc.constantFrom(...Object.values(CSV_HEADERS)), fc.array(hostileText, { minLength: 1, maxLength: 5 })),
    fc.array(fc.array(hostileText, { maxLength: 10 }), { maxLength: 6 }),
    fc.constantFrom(',', ';', '\t'),
  )
  .map(([headers, rows, sep]) => [headers, ...rows].map((r) => r.map(csvCell).join(sep)).join('\r\n'));

const WIDE_CSV = Array.from({ length: 10_000 }, (_, i) => `kolom_${i}`).join(',') + '\r\n' + Array.from({ length: 10_000 }, (_, i) => `=${i}+1`).join(',') + '\r\n';
const WIDE_REPORTS_CSV = [...CSV_HEADERS.reports, ...Array.from({ length: 10_000 }, (_, i) => `x${i}`)].join(',') + '\r\n' + '1,2,3\r\n';

/** Precomputed in beforeAll: XLSX files that exceljs builds slowly. */
const xlsxFiles: Record<string, Uint8Array> = {};

async function buildXlsxFiles(): Promise<void> {
  const wide = new ExcelJS.Workbook();
  const ws = wide.addWorksheet('laporan');
  ws.addRow(Array.from({ length: 10_000 }, (_, i) => `kolom_${i}`));
  ws.addRow(Array.from({ length: 10_000 }, (_, i) => i));
  xlsxFiles.wide = new Uint8Array(await wide.xlsx.writeBuffer());

  const formulas = new ExcelJS.Workbook();
  const fs = formulas.addWorksheet('wilayah');
  fs.addRow(CSV_HEADERS.areas);
  fs.addRow([{ formula: 'HYPERLINK("http://x","y")', result: 'y' }, { formula: '1+1', result: 2 }, { formula: 'SUM(1,1)' }]);
  fs.addRow(['9999999999999999', '=HYPERLINK("http://x","y")', '-1+1']);
  xlsxFiles.formulas = new Uint8Array(await formulas.xlsx.writeBuffer());

  const empty = new ExcelJS.Workbook();
  empty.addWorksheet('kosong');
  xlsxFiles.empty = new Uint8Array(await empty.xlsx.writeBuffer());

  // A zip whose first entry is garbage, and an XLSX cut in half.
  xlsxFiles.truncated = xlsxFiles.formulas.slice(0, Math.floor(xlsxFiles.formulas.length / 2));
  xlsxFiles.fakeZip = new Uint8Array(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(400, 0x41)]));
}

type FilePayload = { filename: string; bytes: Uint8Array; type: string };

const hostileFile: fc.Arbitrary<FilePayload> = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(hostileCsv, encodings).map(([csv, encode]) => ({ filename: 'data.csv', bytes: encode(csv), type: 'text/csv' })) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 3000 }).map((bytes) => ({ filename: 'acak.bin', bytes, type: 'application/octet-stream' })) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 3000 }).map((bytes) => ({ filename: 'acak.xlsx', bytes, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('wide-csv', 'wide-reports', 'wide', 'formulas', 'empty', 'truncated', 'fakeZip', 'nul', 'bom-only', 'header-only', 'traversal-name').map((k): FilePayload => {
      const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      if (k === 'wide-csv') return { filename: 'lebar.csv', bytes: enc.encode(WIDE_CSV), type: 'text/csv' };
      if (k === 'wide-reports') return { filename: 'lebar.csv', bytes: enc.encode(WIDE_REPORTS_CSV), type: 'text/csv' };
      if (k === 'nul') return { filename: 'nul.csv', bytes: new Uint8Array(5000), type: 'text/csv' };
      if (k === 'bom-only') return { filename: 'bom.csv', bytes: new Uint8Array([0xef, 0xbb, 0xbf]), type: 'text/csv' };
      if (k === 'header-only') return { filename: 'kepala.csv', bytes: enc.encode(CSV_HEADERS.reports.join(',') + '\r\n'), type: 'text/csv' };
      if (k === 'traversal-name') return { filename: '../../../etc/passwd\u0000.csv', bytes: enc.encode('a,b\r\n1,2\r\n'), type: 'text/csv' };
      return { filename: `${k}.xlsx`, bytes: xlsxFiles[k], type: xlsx };
    }),
  },
);

const BOUNDARY = '----pantau-hostile-7d1f';

function multipart(parts: { name: string; filename?: string; type?: string; bytes: Uint8Array }[], boundary = BOUNDARY, close = true): Uint8Array {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename === undefined ? '' : `; filename="${p.filename}"`}`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`));
    chunks.push(Buffer.from(p.bytes), Buffer.from('\r\n'));
  }
  if (close) chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return new Uint8Array(Buffer.concat(chunks));
}

/** A multipart upload: kind (hostile or real), then a hostile file; or a broken envelope. */
const uploadBody: fc.Arbitrary<{ body: Uint8Array | string; type?: string }> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .tuple(fc.option(fc.oneof(fc.constantFrom('reports', 'areas', 'officers', 'assignments'), hostileText)), hostileFile)
      .map(([kind, file]) => ({
        body: multipart([
          ...(kind === null ? [] : [{ name: 'kind', bytes: enc.encode(kind) }]),
          { name: 'file', filename: file.filename, type: file.type, bytes: file.bytes },
        ]),
        type: `multipart/form-data; boundary=${BOUNDARY}`,
      })),
  },
  {
    weight: 3,
    arbitrary: fc.tuple(hostileFile, fc.integer({ min: 0, max: 10 }), fc.constantFrom('%ZZ.csv', '%ED%A0%80.csv', '%', '..%2F..%2Fetc%2Fpasswd')).map(([file, variant, star]) => {
      const part = { name: 'file', filename: file.filename, type: file.type, bytes: file.bytes };
      switch (variant) {
        case 0: // no closing boundary (CSV here; an XLSX cut so has its own test below)
          return { body: multipart([part.type.includes('spreadsheetml') ? { ...part, type: 'text/csv', bytes: enc.encode('a,b\r\n1,2') } : part], BOUNDARY, false), type: `multipart/form-data; boundary=${BOUNDARY}` };
        case 1: // header says another boundary
          return { body: multipart([part]), type: 'multipart/form-data; boundary=something-else' };
        case 2: // no boundary parameter
          return { body: multipart([part]), type: 'multipart/form-data' };
        case 3: // the file sent bare
          return { body: file.bytes, type: file.type };
        case 4: // a quoted, very long boundary
          return { body: multipart([part], 'b'.repeat(3000)), type: `multipart/form-data; boundary="${'b'.repeat(3000)}"` };
        case 5: // no file part at all
          return { body: multipart([{ name: 'kind', bytes: enc.encode('reports') }]), type: `multipart/form-data; boundary=${BOUNDARY}` };
        case 6: // a huge kind field
          return { body: multipart([{ name: 'kind', bytes: enc.encode('k'.repeat(100_000)) }, part]), type: `multipart/form-data; boundary=${BOUNDARY}` };
        case 7: // headers never end
          return { body: enc.encode(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"\r\n` + 'X-Pad: y\r\n'.repeat(5000)), type: `multipart/form-data; boundary=${BOUNDARY}` };
        case 8: // a malformed RFC 5987 filename*
          return {
            body: new Uint8Array(
              Buffer.concat([
                Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''${star}\r\n\r\n`),
                Buffer.from(file.bytes),
                Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
              ]),
            ),
            type: `multipart/form-data; boundary=${BOUNDARY}`,
          };
        case 10: // JSON posted to the upload
          return { body: '[]', type: 'application/json' };
        default: // no content type
          return { body: multipart([part]), type: undefined };
      }
    }),
  },
);

const credentialsBody: fc.Arbitrary<{ body: Uint8Array | string; type?: string }> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .record({ username: fc.oneof(hostileText.map((u) => `fuzz-${u}`), fc.constantFrom(null, 1, [], {})), password: fc.oneof(hostileText, fc.constantFrom(null, 0, true)) }, { requiredKeys: [] })
      .map((o) => ({ body: JSON.stringify(o), type: 'application/json' })),
  },
  { weight: 1, arbitrary: jsonBody },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      { body: JSON.stringify({ username: 'fuzz', password: 'p'.repeat(20_000) }), type: 'application/json' },
      { body: JSON.stringify({ username: 'fuzz\u0000', password: 'x' }), type: 'application/json' },
      { body: JSON.stringify({ username: 'fuzz\ud800', password: 'x\u0000' }), type: 'application/json' },
    ),
  },
);

// ---------------------------------------------------------------- the routes

interface Fuzz {
  /** Path segments: literal text, or an arbitrary for a [param] (mixed with values from its declared schema). */
  path: (string | fc.Arbitrary<string>)[];
  body?: fc.Arbitrary<{ body: Uint8Array | string; type?: string }>;
  /** Who may send it: DELETE /session would end the very sessions the test uses. */
  callers?: readonly Who[];
}

const areaCode = fc.oneof(hostileSegment, fc.constantFrom('6471', '6471010', '6471010001', '1234', '0000', '6471010001000100'));

/** Every operation of the route manifest and how to fuzz its path and body (its query comes from the manifest). */
const FUZZ: Record<string, Fuzz> = {
  'GET /api/v1/areas/[code]': { path: ['areas', areaCode] },
  'GET /api/v1/areas/[code]/children': { path: ['areas', areaCode, 'children'] },
  'GET /api/v1/areas/[code]/daily': { path: ['areas', areaCode, 'daily'] },
  'GET /api/v1/areas/[code]/geo': { path: ['areas', areaCode, 'geo'] },
  'GET /api/v1/areas/[code]/card.png': { path: ['areas', areaCode, 'card.png'] },
  'GET /api/v1/archive/[date]/[file]': {
    path: ['archive', fc.oneof(hostileSegment, fc.constantFrom('2022-11-01', '2022-13-01')), fc.oneof(hostileSegment, fc.constantFrom('6471.pdf', '6471010.png', '6471010007.pdf', '1234.png'))],
  },
  'GET /api/v1/areas/[code]/followups': { path: ['areas', areaCode, 'followups'] },
  'GET /api/v1/areas/[code]/refusals': { path: ['areas', areaCode, 'refusals'] },
  'GET /api/v1/areas/[code]/prelist-drift': { path: ['areas', areaCode, 'prelist-drift'] },
  'POST /api/v1/followups': { path: ['followups'], body: followupBody },
  'GET /api/v1/assignments': { path: ['assignments'] },
  'GET /api/v1/changes': { path: ['changes'] },
  'GET /api/v1/exports/[file]': {
    path: ['exports', fc.oneof(hostileSegment, fc.constantFrom('6471.csv', '6471.xlsx', '6471010.csv', '1234.pdf'))],
  },
  'GET /api/v1/exports/bundle/[file]': { path: ['exports', 'bundle', fc.oneof(hostileSegment, fc.constantFrom('1234.zip', '6471999.zip'))] },
  'GET /api/v1/exports/officers/[file]': {
    path: ['exports', 'officers', fc.oneof(hostileSegment, fc.constantFrom('6471.csv', '6471020.xlsx', '6471020002.csv', '1234.csv', '64710200020001.csv'))],
  },
  'GET /api/v1/imports': { path: ['imports'] },
  'POST /api/v1/imports': { path: ['imports'], body: uploadBody },
  'GET /api/v1/imports/[id]': { path: ['imports', fc.oneof(hostileSegment, fc.integer().map(String))] },
  'GET /api/v1/imports/[id]/rejections.csv': { path: ['imports', fc.oneof(hostileSegment, fc.integer().map(String)), 'rejections.csv'] },
  'GET /api/v1/imports/[id]/rejections.xlsx': { path: ['imports', fc.oneof(hostileSegment, fc.integer().map(String)), 'rejections.xlsx'] },
  'GET /api/v1/imports/templates/[file]': {
    path: ['imports', 'templates', fc.oneof(hostileSegment, fc.constantFrom('reports.pdf', 'passwd.csv', 'reports.xlsx'))],
  },
  'GET /api/v1/officers': { path: ['officers'] },
  'GET /api/v1/officers/[code]': { path: ['officers', fc.oneof(hostileSegment, fc.constantFrom('PPL-999', 'a'.repeat(33)))] },
  'GET /api/v1/openapi.json': { path: ['openapi.json'] },
  'GET /api/v1/health': { path: ['health'] },
  'POST /api/v1/reports': { path: ['reports'], body: jsonBody },
  'GET /api/v1/search': { path: ['search'] },
  'GET /api/v1/session': { path: ['session'] },
  'POST /api/v1/session': { path: ['session'], body: credentialsBody, callers: ['anon'] },
  'DELETE /api/v1/session': { path: ['session'], callers: ['anon'] },
};

const langs: fc.Arbitrary<Lang> = fc.constantFrom('default', 'accept-en', 'cookie-en', 'accept-id', 'cookie-id-over-accept-en', 'accept-en-weird');

function langHeaders(lang: Lang): { headers: Record<string, string>; expect: 'id' | 'en' } {
  switch (lang) {
    case 'accept-en':
      return { headers: { 'accept-language': 'en-GB,en;q=0.9' }, expect: 'en' };
    case 'cookie-en':
      return { headers: { cookie: 'pantau-locale=en' }, expect: 'en' };
    case 'accept-id':
      return { headers: { 'accept-language': 'id-ID,id;q=0.9,en;q=0.5' }, expect: 'id' };
    case 'cookie-id-over-accept-en':
      return { headers: { cookie: 'pantau-locale=id', 'accept-language': 'en' }, expect: 'id' };
    case 'accept-en-weird':
      return { headers: { 'accept-language': 'xx-QQ;q=abc, ,,;, *;q=0.1' }, expect: 'id' };
    default:
      return { headers: {}, expect: 'id' };
  }
}

/** Words that mark a message as written in the other language. */
const ENGLISH = /\b(the|must|please|invalid|request|not found|is|are|cannot|should|wrong|too)\b/i;
const INDONESIAN = /\b(tidak|harus|silakan|yang|dengan|atau|permintaan|berkas|terlalu|salah|ditemukan)\b/i;

// ---------------------------------------------------------------- the test

describe('hostile input over HTTP', () => {
  let server: AppServer;
  const tokens: Partial<Record<Who, string>> = {};
  const failures: string[] = [];
  const counts: Record<string, number> = {};
  const millis: Record<string, number> = {};

  async function send(r: HostileRequest, who: Who, lang: Lang): Promise<{ status: number; type: string; text: string; expect: 'id' | 'en' }> {
    const { headers, expect: expectLang } = langHeaders(lang);
    const auth: Record<string, string> = who === 'anon' ? {} : { authorization: `Bearer ${tokens[who]}` };
    const url = `${server.baseUrl}${r.path}${r.query ? `?${r.query}` : ''}`;
    try {
      const response = await fetch(url, {
        method: r.method,
        headers: { 'x-forwarded-for': '203.0.113.77', ...headers, ...auth, ...r.headers },
        body: r.method === 'GET' || r.method === 'HEAD' ? undefined : (r.body as BodyInit | undefined),
        redirect: 'manual',
        // A request left unanswered is a failure of its own, named, not a 5-minute hang.
        signal: AbortSignal.timeout(60_000),
      });
      const text = r.method === 'HEAD' ? '' : await response.text();
      return { status: response.status, type: response.headers.get('content-type') ?? '', text, expect: expectLang };
    } catch (error) {
      // The connection failed: status 0, so the assertions name the request.
      return { status: 0, type: '', text: `fetch failed: ${(error as Error & { cause?: Error }).cause?.message ?? (error as Error).message}`, expect: expectLang };
    }
  }

  /** The assertions every answer must satisfy; a failure names the request. */
  async function check(key: string, r: HostileRequest, who: Who, lang: Lang): Promise<void> {
    counts[key] = (counts[key] ?? 0) + 1;
    const started = performance.now();
    const res = await send(r, who, lang);
    millis[key] = (millis[key] ?? 0) + Math.round(performance.now() - started);
    const label = `${key} as ${who} (${lang}): ${r.method} ${r.path}${r.query ? '?' + r.query.slice(0, 200) : ''} [${typeof r.body === 'string' ? r.body.slice(0, 120) : (r.body?.length ?? 0) + ' bytes'}] → ${res.status} ${res.text.slice(0, 300)}`;
    expect(res.status, label).toBeGreaterThan(0);
    expect(res.status, label).toBeLessThan(500);
    if (res.status < 400 || r.method === 'HEAD') return;
    expect(res.type, label).toMatch(/^application\/json/);
    const body = JSON.parse(res.text) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
    expect(typeof body.error?.code, label).toBe('string');
    const message = body.error?.message;
    expect(typeof message === 'string' && message.trim().length > 3, label).toBe(true);
    const text = message as string;
    if (res.expect === 'id') expect(text, `${label}: English words in an Indonesian answer`).not.toMatch(ENGLISH);
    else expect(text, `${label}: Indonesian words in an English answer`).not.toMatch(INDONESIAN);
    const details = body.error?.details;
    if (Array.isArray(details) && details.length > 0) {
      const first = details[0] as { field?: unknown };
      if (typeof first.field === 'string' && first.field !== '') expect(text, `${label}: message does not name ${first.field}`).toContain(first.field);
    }
  }

  function requestArb(key: string, spec: Fuzz): fc.Arbitrary<HostileRequest> {
    const method = key.split(' ')[0];
    const op = API_OPERATIONS.find((o) => `${o.method.toUpperCase()} ${o.pattern}` === key);
    const names = key.split(' ')[1].split('/').slice(3);
    const params = (op?.params?.shape ?? {}) as Record<string, z.ZodType>;
    const segments = spec.path.map((s, i) => {
      if (typeof s === 'string') return fc.constant(s);
      const name = /^\[(.+)\]$/.exec(names[i] ?? '')?.[1];
      const declared = name ? params[name] : undefined;
      return declared ? fc.oneof(s, schemaValues(declared).map(encodeURIComponent)) : s;
    });
    return fc
      .tuple(fc.tuple(...segments), hostileQuery(op?.query), spec.body ? spec.body : fc.constant(undefined))
      .map(([segs, query, payload]) => ({
        method,
        path: '/api/v1/' + segs.join('/'),
        query,
        headers: payload?.type ? { 'content-type': payload.type } : ({} as Record<string, string>),
        body: payload?.body,
      }));
  }

  async function changeToken(): Promise<string> {
    const res = await fetch(`${server.baseUrl}/api/v1/changes`, { headers: { authorization: `Bearer ${tokens.admin}` } });
    return ((await res.json()) as { token: string }).token;
  }

  async function snapshot(): Promise<string> {
    const [token, area, officers] = await Promise.all([
      changeToken(),
      fetch(`${server.baseUrl}/api/v1/areas/6471`, { headers: { authorization: `Bearer ${tokens.admin}` } }).then((r) => r.text()),
      fetch(`${server.baseUrl}/api/v1/officers?pageSize=200`, { headers: { authorization: `Bearer ${tokens.admin}` } }).then((r) => r.text()),
    ]);
    return JSON.stringify({ token, area: JSON.parse(area), officers: JSON.parse(officers) });
  }

  let before = '';

  beforeAll(async () => {
    const [app] = await Promise.all([startAppServer({ scale: 1 }), buildXlsxFiles()]);
    server = app;
    for (const [who, username] of [
      ['admin', 'admin'],
      ['lurah', 'lurah-damai'],
    ] as const) {
      const res = await fetch(`${server.baseUrl}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.1' },
        body: JSON.stringify({ username, password: DEMO_PASSWORD }),
      });
      expect(res.status).toBe(200);
      tokens[who] = ((await res.json()) as { token: string }).token;
    }
    before = await snapshot();
  }, 600_000);
  afterAll(() => server?.close());

  it('has fuzz arbitraries for every operation of the route manifest', () => {
    const routes = enumerateRoutes()
      .filter((r) => r.pattern.startsWith('/api/v1'))
      .map((r) => r.key);
    expect(routes.length).toBeGreaterThan(15);
    expect(routes.filter((k) => !FUZZ[k]), 'routes without fuzz arbitraries in FUZZ').toEqual([]);
    expect(Object.keys(FUZZ).filter((k) => !routes.includes(k)), 'FUZZ entries for routes that no longer exist').toEqual([]);
    // The route files under app/api/v1 and the manifest's operations are the same (enumerateRoutes reads both).
    expect(API_OPERATIONS.map((o) => `${o.method.toUpperCase()} ${o.pattern}`).sort()).toEqual([...routes].sort());
  });

  it('never answers 5xx to hostile paths, queries and bodies, and explains every 4xx in the request’s language', async () => {
    for (const [key, spec] of Object.entries(FUZZ)) {
      for (const who of spec.callers ?? (['admin', 'lurah', 'anon'] as const)) {
        // Anonymous callers stop at 401 before any parsing: fewer runs say as much.
        const numRuns = who === 'anon' ? Math.max(5, Math.round(RUNS / 4)) : RUNS;
        await fc.assert(
          fc.asyncProperty(requestArb(key, spec), langs, async (r, lang) => {
            if (!COLLECT) return check(key, r, who, lang);
            // Exploring: note every failure and go on, to see them all in one run.
            await check(key, r, who, lang).catch((e: Error) => void failures.push(e.message.split('\n')[0].slice(0, 600)));
          }),
          { numRuns, endOnFailure: true, seed: SEED },
        );
      }
    }
  }, 600_000);

  it('answers wrong methods with a 4xx on every route', async () => {
    const routes = enumerateRoutes().filter((r) => r.pattern.startsWith('/api/v1'));
    const patterns = [...new Set(routes.map((r) => r.pattern))];
    const prerendered = new Set(API_OPERATIONS.filter((o) => o.prerendered).map((o) => o.pattern));
    for (const pattern of patterns) {
      const allowed = new Set(routes.filter((r) => r.pattern === pattern).map((r) => r.method));
      const path = pattern.replace('[code]', '6471').replace('[file]', '6471.csv').replace('[id]', '1');
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
        if (allowed.has(method)) continue;
        for (const who of ['admin', 'anon'] as const) {
          const res = await send({ method, path, body: method === 'GET' ? undefined : '{}' }, who, 'default');
          const label = `${method} ${path} as ${who} → ${res.status} ${res.text.slice(0, 200)}`;
          expect(res.status, label).toBe(405);
          // A prerendered GET (the health floor) keeps Next's own bare 405 (lib/api/routes/define.ts).
          if (prerendered.has(pattern)) continue;
          expect(res.type, label).toMatch(/^application\/json/);
          const body = JSON.parse(res.text) as { error: { code: string; message: string } };
          expect(body.error.message, label).toContain(method);
        }
      }
    }
  }, 120_000);

  // Regression examples: each answered 5xx (or an HTML/empty error) before it was fixed.
  it('keeps the regressions found by fuzzing fixed', async () => {
    const json = { 'content-type': 'application/json' };
    const regressions: [Who, HostileRequest, number, RegExp][] = [
      // Next could not percent-decode the [code] parameter: a bare 500.
      ['admin', { method: 'GET', path: '/api/v1/areas/%' }, 400, /%/],
      ['lurah', { method: 'GET', path: '/api/v1/exports/%E0%A4%A.csv' }, 400, /%/],
      // NUL reached PostgreSQL as text ("invalid byte sequence for encoding UTF8: 0x00"): 500.
      ['lurah', { method: 'GET', path: '/api/v1/search', query: 'q=%00' }, 400, /\bq: /],
      ['admin', { method: 'GET', path: '/api/v1/officers', query: 'q=a%00b' }, 400, /\bq: /],
      // The same NUL in a username reached the account lookup: 500.
      ['anon', { method: 'POST', path: '/api/v1/session', headers: json, body: JSON.stringify({ username: 'fuzz\u0000', password: 'x' }) }, 401, /./],
      // A lone surrogate in a rejected value reached jsonb ("invalid input syntax for type json"): 500.
      ['admin', { method: 'POST', path: '/api/v1/reports', headers: json, body: '[{"kodeSubsls":"\\ud800","catatan":"\\udc00x"}]' }, 200, /./],
      // A value nested 50,000 deep: JSON.stringify of it for the reason text overflowed the stack: 500.
      ['admin', { method: 'POST', path: '/api/v1/reports', headers: json, body: DEEP_IN_ROW }, 200, /./],
      // Methods a route does not export: an empty 405 from Next; now JSON naming the method.
      ['admin', { method: 'PUT', path: '/api/v1/areas/6471' }, 405, /PUT/],
      ['anon', { method: 'GET', path: '/api/v1/reports' }, 405, /GET/],
      // A path no route matches: Next's HTML not-found page; now JSON.
      ['admin', { method: 'GET', path: '/api/v1/areas/6471/nothing' }, 404, /./],
      // A malformed RFC 5987 filename* threw URIError while reading the upload: 500; now the file is read (and its headers refused).
      [
        'admin',
        {
          method: 'POST',
          path: '/api/v1/imports',
          headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
          body: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''%ZZ.csv\r\n\r\nkode_x\r\n1\r\n--${BOUNDARY}--\r\n`,
        },
        422,
        /kode_x/,
      ],
    ];
    for (const [who, r, status, message] of regressions) {
      const res = await send(r, who, 'default');
      const label = `${r.method} ${r.path}?${r.query ?? ''} as ${who} → ${res.status} ${res.text.slice(0, 300)}`;
      expect(res.status, label).toBe(status);
      expect(res.type, label).toMatch(/^application\/json/);
      if (status >= 400) expect((JSON.parse(res.text) as { error: { message: string } }).error.message, label).toMatch(message);
      await check('regressions', r, who, 'accept-en');
    }
  });

  // Found by this fuzz (on a loaded machine): an XLSX upload whose multipart body lacks the
  // closing boundary was never answered — exceljs kept waiting on the truncated zip. xlsxRows now
  // races every wait on exceljs against the body's failure (tests/unit/ingest-xlsx-cut.test.ts).
  it('answers an XLSX upload without its closing boundary (once a hang) with a 400', async () => {
    const r: HostileRequest = {
      method: 'POST',
      path: '/api/v1/imports',
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      body: multipart([{ name: 'file', filename: 'terpotong.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: xlsxFiles.formulas }], BOUNDARY, false),
    };
    const res = await fetch(`${server.baseUrl}${r.path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.admin}`, ...r.headers },
      body: r.body as BodyInit,
      signal: AbortSignal.timeout(15_000),
    }).catch(() => null);
    expect(res?.status).toBe(400);
  }, 30_000);

  it('leaves the data unchanged and the server healthy after all that', async () => {
    expect(await snapshot()).toBe(before);
    expect((await fetch(`${server.baseUrl}/masuk`)).status).toBe(200);
    const session = await fetch(`${server.baseUrl}/api/v1/session`, { headers: { authorization: `Bearer ${tokens.lurah}` } });
    expect(session.status).toBe(200);
    console.info('hostile-input requests per route:', Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, `${n} in ${millis[k]} ms`])));
    if (COLLECT) console.info(`hostile-input failures (${failures.length}):\n` + failures.join('\n'));
    expect(failures).toEqual([]);
  });

  it('neutralises formulas that came in through an import, in CSV and XLSX exports', async () => {
    // A kelurahan renamed to a formula through the master-data upload, as an admin could.
    const children = await fetch(`${server.baseUrl}/api/v1/areas/6471/children?level=kelurahan`, { headers: { authorization: `Bearer ${tokens.admin}` } });
    const kelurahan = ((await children.json()) as { children: { code: string }[] }).children[0].code;
    const formula = '=HYPERLINK("http://x","y")';
    const csv = `kode_wilayah,nama_wilayah,prelist\r\n${kelurahan},"${formula.replace(/"/g, '""')}",\r\n`;
    const upload = await fetch(`${server.baseUrl}/api/v1/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      body: multipart([
        { name: 'kind', bytes: enc.encode('areas') },
        { name: 'file', filename: 'wilayah.csv', type: 'text/csv', bytes: enc.encode(csv) },
      ]) as BodyInit,
    });
    expect(upload.status, await upload.clone().text()).toBe(201);
    expect(((await upload.json()) as { accepted: number; replaced: number }).replaced).toBe(1);

    const kecamatan = kelurahan.slice(0, 7);
    const exported = await fetch(`${server.baseUrl}/api/v1/exports/${kecamatan}.csv`, { headers: { authorization: `Bearer ${tokens.admin}` } });
    expect(exported.status).toBe(200);
    const text = await exported.text();
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(text).not.toMatch(/(^|[,;])"?=HYPERLINK/m);

    const xlsx = await fetch(`${server.baseUrl}/api/v1/exports/${kecamatan}.xlsx`, { headers: { authorization: `Bearer ${tokens.admin}` } });
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const cells: ExcelJS.Cell[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => void (String(cell.value).includes('HYPERLINK') && cells.push(cell)))));
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(String(cell.value)).toMatch(/^'=HYPERLINK|^[^=+\-@]/);
    }
  });

  it('neutralises formulas echoed in the rejected-rows CSV, and reads the quote back off on upload', async () => {
    const csv = `kode_petugas,nama_petugas,peran,kode_pengawas,kode_wilayah\r\n"=cmd|' /C calc'!A0",@SUM(1+1),-1+1,+1,"=HYPERLINK(""http://x"",""y"")"\r\n`;
    const upload = await fetch(`${server.baseUrl}/api/v1/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      body: multipart([
        { name: 'kind', bytes: enc.encode('officers') },
        { name: 'file', filename: 'petugas.csv', type: 'text/csv', bytes: enc.encode(csv) },
      ]) as BodyInit,
    });
    expect(upload.status, await upload.clone().text()).toBe(201);
    const result = (await upload.json()) as { id: number; rejected: number; rejections: { values: Record<string, string> }[] };
    expect(result.rejected).toBe(1);
    expect(result.rejections[0].values.nama_petugas).toBe('@SUM(1+1)');
    const file = await fetch(`${server.baseUrl}/api/v1/imports/${result.id}/rejections.csv`, { headers: { authorization: `Bearer ${tokens.admin}` } });
    const lines = (await file.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[1].startsWith(`'=cmd|' /C calc'!A0,'@SUM(1+1),'-1+1,'+1,,"'=HYPERLINK(""http://x"",""y"")",2,`)).toBe(true);
    // Uploaded again as it was downloaded, the same values come back without the quotes.
    const again = await fetch(`${server.baseUrl}/api/v1/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      body: multipart([
        { name: 'kind', bytes: enc.encode('officers') },
        { name: 'file', filename: 'petugas-ditolak.csv', type: 'text/csv', bytes: enc.encode(lines.join('\r\n')) },
      ]) as BodyInit,
    });
    const second = (await again.json()) as { rejections: { values: Record<string, string> }[] };
    expect(second.rejections[0].values.nama_petugas).toBe('@SUM(1+1)');
  });
  it('reads an upload larger than 10 MB whole (the proxy, which would cut it at 10 MB, never sees it)', async () => {
    // 300 rows with a 40 KB note each: every row is refused for its note (at most 500 characters),
    // so nothing is stored, but the answer counts the rows only if the whole body arrived.
    const note = 'catatan panjang '.repeat(2_500);
    const rows = Array.from({ length: 300 }, (_, i) => `2022-11-02,6471010001000${String(i % 10).padStart(3, '0')},PPL-X,1,0,0,0,0,${note}`);
    const csv = Buffer.from([CSV_HEADERS.reports.join(','), ...rows].join('\r\n'));
    const body = multipart([
      { name: 'kind', bytes: Buffer.from('reports') },
      { name: 'file', filename: 'besar.csv', type: 'text/csv', bytes: csv },
    ]);
    expect(body.length).toBeGreaterThan(11 * 1024 * 1024);
    const res = await fetch(`${server.baseUrl}/api/v1/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      body: body as BodyInit,
    });
    const answer = (await res.json()) as { totalRows?: number; rejected?: number; error?: unknown };
    expect(res.status, JSON.stringify(answer).slice(0, 300)).toBe(201);
    expect(answer.totalRows).toBe(300);
    expect(answer.rejected).toBe(300);
  }, 120_000);

  it('refuses an XLSX zip bomb with a 413 naming why, at once (its sharedStrings.xml inflates to 680 MB)', async () => {
    const bomb = zipBomb(680);
    expect(bomb.length).toBeLessThan(2 * MB);
    const started = performance.now();
    const res = await fetch(`${server.baseUrl}/api/v1/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.admin}`, 'accept-language': 'en', 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      body: multipart([
        { name: 'kind', bytes: Buffer.from('areas') },
        { name: 'file', filename: 'bom.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: bomb },
      ]) as BodyInit,
    });
    const answer = (await res.json()) as { error: { code: string; message: string } };
    expect(res.status, JSON.stringify(answer)).toBe(413);
    expect(answer.error.message).toMatch(/too large once unpacked.*xl\/sharedStrings\.xml/);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
