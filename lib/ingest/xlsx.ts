// XLSX bytes → rows of cells, read by exceljs's streaming WorkbookReader so the inflated workbook
// is never held as a whole (the zipped file is, to check it first: lib/ingest/zip-limits.ts).
// Only the first worksheet is read: the templates put the data there.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell, TableRow } from './cells';
import { ImportProblem } from './reasons';
import { checkZipLimits } from './zip-limits';

/** A cell value as exceljs gives it, flattened to what a person sees in the cell. */
export function flattenCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.replace(/\u0000/g, '');
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value !== 'object') return String(value);
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) return v.richText.map((part: { text?: unknown }) => String(part?.text ?? '')).join('');
  if ('result' in v) return flattenCell(v.result);
  if ('formula' in v || 'sharedFormula' in v) return null;
  if (typeof v.text === 'string') return v.text;
  if (typeof v.error === 'string') return v.error;
  return String(value);
}

function unreadable(error: unknown): ImportProblem {
  const detail = error instanceof Error ? error.message.split('\n')[0].slice(0, 200) : 'unknown error';
  return new ImportProblem('unreadable_xlsx', { detail });
}

/** Rows of the first worksheet with their sheet row numbers; empty rows are skipped. */
export async function* xlsxRows(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<TableRow> {
  // A body that fails mid-file (an upload cut short: no closing boundary, a dropped client) must
  // end the stream, not error it: exceljs waits forever for the rest of a zip whose source errored.
  // And whatever exceljs then does with the truncated zip, nothing more is awaited from it: every
  // wait below races the body's failure, so a cut upload is answered with its own problem at once.
  let bodyFailure: unknown = null;
  let failBody: (error: unknown) => void = () => {};
  const bodyFailed = new Promise<never>((_, reject) => (failBody = reject));
  bodyFailed.catch(() => {});
  async function* guarded(): AsyncGenerator<Uint8Array> {
    try {
      for await (const chunk of chunks) yield chunk;
    } catch (error) {
      bodyFailure = error;
      failBody(error);
    }
  }
  const untilBodyFails = <T>(step: Promise<T>): Promise<T> => Promise.race([step, bodyFailed]);
  // The whole file first (at most the 20 MB upload limit): the zip's directory, at its end, says
  // what the entries inflate to, and a zip bomb is refused before exceljs inflates anything.
  const parts: Uint8Array[] = [];
  for await (const chunk of guarded()) parts.push(chunk);
  if (bodyFailure) throw bodyFailure;
  const bytes = Buffer.concat(parts);
  checkZipLimits(bytes);
  const source = Readable.from([bytes]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  // A corrupt archive may surface as an 'error' event rather than through the iterator.
  let failure: unknown = null;
  (reader as unknown as NodeJS.EventEmitter).on('error', (error: unknown) => (failure ??= error));
  source.on('error', (error: unknown) => (failure ??= error));
  try {
    const sheets = (reader as unknown as AsyncIterable<unknown>)[Symbol.asyncIterator]();
    const first = await untilBodyFails(sheets.next());
    if (!first.done) {
      const rows = (first.value as AsyncIterable<ExcelJS.Row>)[Symbol.asyncIterator]();
      for (let next = await untilBodyFails(rows.next()); !next.done; next = await untilBodyFails(rows.next())) {
        const row = next.value;
        const values = (row.values as unknown[]).slice(1).map(flattenCell);
        if (values.every((c) => c === null || String(c).trim() === '')) continue;
        yield { line: row.number, cells: values };
      }
    }
  } catch (error) {
    if (bodyFailure) throw bodyFailure;
    if (error instanceof ImportProblem) throw error;
    throw unreadable(error);
  } finally {
    source.destroy();
  }
  if (bodyFailure) throw bodyFailure;
  if (failure) throw unreadable(failure);
}
