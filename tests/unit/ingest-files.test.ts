import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COLUMNS, IMPORT_KINDS } from '@/lib/ingest/columns';
import { detectKind, matchHeaders } from '@/lib/ingest/headers';
import { boundaryOf, multipartParts, partText } from '@/lib/ingest/multipart';
import { parseRow } from '@/lib/ingest/parse-rows';
import { ImportProblem, type RowRejection } from '@/lib/ingest/reasons';
import { rejectionsCsv } from '@/lib/ingest/rejections-file';
import { parseReportBatch } from '@/lib/ingest/submit-reports';
import { openTable } from '@/lib/ingest/table';
import { templateCsv, templateXlsx } from '@/lib/ingest/templates';

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

async function* bytewise(stream: ReadableStream<Uint8Array>, size: number): AsyncGenerator<Uint8Array> {
  const all = new Uint8Array(await new Response(stream).arrayBuffer());
  for (let i = 0; i < all.length; i += size) yield all.subarray(i, i + size);
}

async function formBody(fields: [string, string | Blob, string?][]) {
  const form = new FormData();
  for (const [name, value, filename] of fields) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, value, filename);
  }
  const req = new Request('http://localhost/', { method: 'POST', body: form });
  return { contentType: req.headers.get('content-type'), body: req.body! };
}

describe('streaming multipart', () => {
  it.each([1, 7, 4096])('reads fields and the file in order, in chunks of %i bytes', async (size) => {
    const csv = 'kode_subsls,kode_petugas\r\n--not-a-boundary,x\r\n'.repeat(50);
    const { contentType, body } = await formBody([
      ['kind', 'assignments'],
      ['file', new Blob([csv], { type: 'text/csv' }), 'penugasan "final".csv'],
    ]);
    const parts = multipartParts(bytewise(body, size), boundaryOf(contentType)!, 1_000_000);
    const seen: [string, string | null, string][] = [];
    for await (const part of parts) seen.push([part.name, part.filename, await partText(part, 1_000_000)]);
    expect(seen).toEqual([
      ['kind', null, 'assignments'],
      ['file', 'penugasan %22final%22.csv', csv.trim()],
    ]);
  });

  it('refuses a body past the limit and a body cut short', async () => {
    const { contentType, body } = await formBody([['file', new Blob(['x'.repeat(5000)]), 'a.csv']]);
    const all = new Uint8Array(await new Response(body).arrayBuffer());
    const drain = async (bytes: Uint8Array, max: number) => {
      for await (const part of multipartParts(once(bytes), boundaryOf(contentType)!, max)) for await (const _ of part.body) void _;
    };
    await expect(drain(all, 1000)).rejects.toMatchObject({ code: 'too_large', status: 'payload_too_large' });
    await expect(drain(all.subarray(0, 3000), 1e6)).rejects.toMatchObject({ code: 'incomplete' });
  });

  it('finds the boundary of a multipart content type only', () => {
    expect(boundaryOf('multipart/form-data; boundary=----abc')).toBe('----abc');
    expect(boundaryOf('multipart/form-data; boundary="q r"')).toBe('q r');
    expect(boundaryOf('application/json')).toBeNull();
  });
});

async function headersOf(bytes: Uint8Array | string) {
  const table = await openTable(once(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes));
  return table.headers;
}

describe('templates', () => {
  it.each(IMPORT_KINDS)('the %s templates (CSV and XLSX) are recognised as their own kind', async (kind) => {
    expect(detectKind(await headersOf(templateCsv(kind)))).toBe(kind);
    const xlsx = await templateXlsx(kind, 'id');
    expect(detectKind(await headersOf(new Uint8Array(xlsx)))).toBe(kind);
  });
});

describe('the rejected-rows download', () => {
  it('goes back through the importer with its extra columns ignored', async () => {
    const rejections: RowRejection[] = [
      { index: 3, line: 5, values: { tanggal: '03/11/2022', kode_subsls: '6,47102E+15', kode_petugas: '647110325', selesai: '96', menolak: '4', tidak_ditemui: '7', tidak_ditemukan: '0', keluarga_baru: '4', catatan: 'a;b "c"' }, errors: [{ field: 'kode_subsls', code: 'code_scientific', params: { value: '6,47102E+15' } }] },
      { index: 0, values: { tanggal: '2022-11-03', kodeSubsls: '6471020002000100', kodePetugas: 'x', selesai: '1', menolak: '0', tidakDitemui: '0', tidakDitemukan: '0', keluargaBaru: '0' }, errors: [{ field: 'kodePetugas', code: 'not_assigned', params: { value: 'x', kode: '6471020002000100' } }] },
    ];
    for (const delimiter of [',', ';']) {
      const csv = rejectionsCsv('reports', rejections, 'id', delimiter);
      const table = await openTable(once(new TextEncoder().encode(csv)));
      const map = matchHeaders('reports', table.headers);
      const rows = [];
      for await (const row of table.rows) rows.push(parseRow('reports', map, row, rows.length));
      expect(rows[0]).toMatchObject({ ok: false, rejection: { values: { kode_subsls: '6,47102E+15', catatan: 'a;b "c"' } } });
      expect(rows[1]).toMatchObject({ ok: true, parsed: { record: { kodeSubsls: '6471020002000100', kodePetugas: 'x' } } });
    }
  });
});

/** Everything a file can do to the reader short of writing: open, match headers, parse every row. */
async function readAll(bytes: Uint8Array): Promise<number> {
  const table = await openTable(once(bytes));
  const kind = detectKind(table.headers);
  const map = matchHeaders(kind, table.headers);
  let n = 0;
  for await (const row of table.rows) parseRow(kind, map, row, n++);
  return n;
}

const VALID = ['tanggal;kode_subsls;kode_petugas;selesai;menolak;tidak_ditemui;tidak_ditemukan;keluarga_baru', '03/11/2022;6471020002000100;647110323;75;1;4;2;3', '03/11/2022;"6471020002000300";647110324;102;2;1;2;3'].join('\r\n');

describe('hostile input never escapes as an unexpected error', () => {
  const expectClean = async (bytes: Uint8Array) => {
    try {
      await readAll(bytes);
    } catch (error) {
      expect(error).toBeInstanceOf(ImportProblem);
    }
  };

  it('any byte sequence is read or refused with a clear problem', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), expectClean), { numRuns: 300 });
  });

  it('any byte sequence after a zip signature is refused as an unreadable XLSX, not a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (tail) => expectClean(new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...tail]))),
      { numRuns: 100 },
    );
  });

  it('a mutated CSV (characters inserted, deleted or replaced) is read or refused cleanly', async () => {
    const mutation = fc.array(fc.tuple(fc.nat(VALID.length), fc.constantFrom('insert', 'delete', 'replace'), fc.constantFrom(';', ',', '"', '\n', '\r', 'E', '+', '-', '.', '\t', '\u0000', 'é', '9')), { maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(mutation, async (edits) => {
        let text = VALID;
        for (const [at, op, ch] of edits) {
          const i = Math.min(at, text.length);
          text = op === 'insert' ? text.slice(0, i) + ch + text.slice(i) : op === 'delete' ? text.slice(0, i) + text.slice(i + 1) : text.slice(0, i) + ch + text.slice(i + 1);
        }
        await expectClean(new TextEncoder().encode(text));
      }),
      { numRuns: 300 },
    );
  });

  it('any JSON value as a reports body is judged row by row or refused as a whole', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        try {
          const { parsed, rejections } = parseReportBatch(value);
          expect(parsed.length + rejections.length).toBe(Array.isArray(value) ? value.length : 0);
        } catch (error) {
          expect(error).toBeInstanceOf(ImportProblem);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('columns', () => {
  it('give every kind distinct canonical names', () => {
    for (const kind of IMPORT_KINDS) expect(new Set(COLUMNS[kind].map((c) => c.key)).size).toBe(COLUMNS[kind].length);
  });
});
