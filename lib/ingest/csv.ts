// CSV/TSV text → rows of cells. The delimiter (comma, semicolon, tab, or an Excel "sep=;" line)
// is taken from the header line; quotes, CRLF and embedded newlines are csv-parse's job.
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { ImportProblem } from './reasons';
import type { TableRow } from './cells';

const CANDIDATES = [';', ',', '\t', '|'] as const;
const MAX_RECORD_BYTES = 1_000_000;

/** The delimiter that occurs most often outside quotes in the first line (comma on a tie or none). */
export function detectDelimiter(firstLine: string): string {
  const counts = new Map<string, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const c of CANDIDATES) if ((counts.get(c) ?? 0) > (counts.get(best) ?? 0)) best = c;
  return best;
}

/** The text up to the first line break outside quotes, pulling chunks until there is one. */
async function firstLine(it: AsyncIterator<string>): Promise<{ line: string; buffered: string }> {
  let buffered = '';
  for (;;) {
    const end = lineEnd(buffered);
    if (end >= 0) return { line: buffered.slice(0, end), buffered };
    const next = await it.next();
    if (next.done) return { line: buffered, buffered };
    buffered += next.value;
    if (buffered.length > MAX_RECORD_BYTES) return { line: buffered.slice(0, MAX_RECORD_BYTES), buffered };
  }
}

function lineEnd(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) return i;
  }
  return -1;
}

async function* rest(buffered: string, it: AsyncIterator<string>): AsyncGenerator<string> {
  if (buffered) yield buffered;
  for (;;) {
    const next = await it.next();
    if (next.done) return;
    yield next.value;
  }
}

/**
 * Every record of the text with its spreadsheet row number (1 = the first line; an Excel
 * "sep=" line is not a row). Empty records are skipped but still counted.
 */
export async function* csvRows(text: AsyncIterable<string>): AsyncGenerator<TableRow> {
  const it = text[Symbol.asyncIterator]();
  const { line, buffered } = await firstLine(it);
  const sep = /^sep=(.)$/i.exec(line.trim());
  const delimiter = sep ? sep[1] : detectDelimiter(line);
  const body = sep ? buffered.slice(lineEnd(buffered) + 1).replace(/^\n/, '') : buffered;
  const parser = parse({ delimiter, relax_column_count: true, relax_quotes: true, max_record_size: MAX_RECORD_BYTES });
  const source = Readable.from(rest(body, it));
  // pipe() does not forward a source error (a decoding problem) to the parser: do it here.
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  let n = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      n++;
      if (record.every((c) => c.trim() === '')) continue;
      yield { line: n, cells: record };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const line = typeof error.lines === 'number' ? error.lines : n + 1;
      throw new ImportProblem('csv_syntax', { line, detail: error.message.replace(/\.$/, '') });
    }
    throw error;
  }
}
