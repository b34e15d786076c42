// Any uploaded file → a header row and a stream of data rows, whatever its format.
import { cellText, type TableRow } from './cells';
import { csvRows } from './csv';
import { decodeText } from './decode';
import { ImportProblem } from './reasons';
import { xlsxRows } from './xlsx';

export interface Table {
  format: 'csv' | 'xlsx';
  headers: string[];
  rows: AsyncIterable<TableRow>;
}

/** The stream with its first bytes looked at and put back. */
async function peek(chunks: AsyncIterable<Uint8Array>, n: number): Promise<{ head: Uint8Array; all: AsyncIterable<Uint8Array> }> {
  const it = chunks[Symbol.asyncIterator]();
  const seen: Uint8Array[] = [];
  let size = 0;
  while (size < n) {
    const next = await it.next();
    if (next.done) break;
    seen.push(next.value);
    size += next.value.length;
  }
  const head = Buffer.concat(seen).subarray(0, n);
  async function* all() {
    yield* seen;
    for (;;) {
      const next = await it.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { head, all: all() };
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (head: Uint8Array, magic: number[]) => magic.every((b, i) => head[i] === b);

/** Opens the file: XLSX by its zip signature, an old .xls refused, anything else read as CSV text. */
export async function openTable(chunks: AsyncIterable<Uint8Array>): Promise<Table> {
  const { head, all } = await peek(chunks, 8);
  if (head.length === 0) throw new ImportProblem('empty');
  if (startsWith(head, OLE2)) throw new ImportProblem('xls');
  const format = startsWith(head, ZIP) ? 'xlsx' : 'csv';
  const source = format === 'xlsx' ? xlsxRows(all) : csvRows(decodeText(all));
  const it = source[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) throw new ImportProblem('no_header');
  const headers = first.value.cells.map(cellText);
  async function* rows() {
    for (;;) {
      const next = await it.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { format, headers, rows: rows() };
}
