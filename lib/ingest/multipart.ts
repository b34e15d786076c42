// A streaming multipart/form-data reader: the uploaded file reaches the parser chunk by chunk,
// so a 20 MB upload is never held whole in memory. Parts must be read in order.
import { ImportProblem } from './reasons';

export interface Part {
  name: string;
  filename: string | null;
  body: AsyncIterable<Uint8Array>;
}

const CRLF2 = Buffer.from('\r\n\r\n');
const MAX_HEADER_BYTES = 16_384;

export function boundaryOf(contentType: string | null): string | null {
  if (!contentType || !/^multipart\/form-data/i.test(contentType)) return null;
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2]) : null;
}

class Source {
  buf: Buffer = Buffer.alloc(0);
  private ended = false;
  private total = 0;

  constructor(
    private readonly it: AsyncIterator<Uint8Array>,
    private readonly maxBytes: number,
  ) {}

  /** Appends the next chunk; false at the end of the body. */
  async fill(): Promise<boolean> {
    if (this.ended) return false;
    let next: IteratorResult<Uint8Array>;
    try {
      next = await this.it.next();
    } catch {
      throw new ImportProblem('incomplete', {}, 'bad_request');
    }
    if (next.done) {
      this.ended = true;
      return false;
    }
    this.total += next.value.length;
    if (this.total > this.maxBytes) throw new ImportProblem('too_large', { max: Math.round(this.maxBytes / 1048576) }, 'payload_too_large');
    this.buf = this.buf.length ? Buffer.concat([this.buf, next.value]) : Buffer.from(next.value);
    return true;
  }

  async need(n: number): Promise<void> {
    while (this.buf.length < n) if (!(await this.fill())) throw new ImportProblem('incomplete', {}, 'bad_request');
  }

  /** Drops everything up to and including `marker`. */
  async skipPast(marker: Buffer, limit = Infinity): Promise<Buffer> {
    let scanned = 0;
    for (;;) {
      const at = this.buf.indexOf(marker);
      if (at >= 0) {
        const before = this.buf.subarray(0, at);
        this.buf = this.buf.subarray(at + marker.length);
        return before;
      }
      scanned += this.buf.length;
      if (scanned > limit) throw new ImportProblem('not_multipart', {}, 'bad_request');
      if (!(await this.fill())) throw new ImportProblem('incomplete', {}, 'bad_request');
    }
  }
}

/** RFC 5987 filename*: a malformed escape (`%ZZ`, `%ED%A0%80`) keeps the text as sent rather than failing. */
function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function parseHeaders(raw: string): { name: string; filename: string | null } {
  const disposition = /^content-disposition:(.*)$/im.exec(raw)?.[1] ?? '';
  const name = /\bname="([^"]*)"/i.exec(disposition)?.[1] ?? '';
  const star = /\bfilename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition)?.[1];
  const plain = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
  const filename = star ? percentDecoded(star.trim()) : (plain ?? null);
  // Only the base name, printable, bounded: it is shown in the history and stored as text.
  const base = filename ? filename.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200) : null;
  return { name, filename: base || null };
}

/** The parts of a multipart body, each with a streaming body that ends at the next boundary. */
export async function* multipartParts(body: AsyncIterable<Uint8Array>, boundary: string, maxBytes: number): AsyncGenerator<Part> {
  const src = new Source(body[Symbol.asyncIterator](), maxBytes);
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  src.buf = Buffer.from('\r\n');
  await src.skipPast(delimiter, MAX_HEADER_BYTES);
  for (;;) {
    await src.need(2);
    if (src.buf[0] === 0x2d && src.buf[1] === 0x2d) return;
    const headers = (await src.skipPast(CRLF2, MAX_HEADER_BYTES)).toString('utf8');
    let finished = false;
    async function* partBody(): AsyncGenerator<Uint8Array> {
      for (;;) {
        const at = src.buf.indexOf(delimiter);
        if (at >= 0) {
          if (at > 0) yield src.buf.subarray(0, at);
          src.buf = src.buf.subarray(at + delimiter.length);
          finished = true;
          return;
        }
        const safe = src.buf.length - delimiter.length + 1;
        if (safe > 0) {
          const out = src.buf.subarray(0, safe);
          src.buf = src.buf.subarray(safe);
          yield out;
        }
        if (!(await src.fill())) throw new ImportProblem('incomplete', {}, 'bad_request');
      }
    }
    const inner = partBody();
    // The reader may stop early (break, error): that must not close the part, which is drained below.
    const stream: AsyncIterable<Uint8Array> = {
      [Symbol.asyncIterator]: () => ({ next: () => inner.next(), return: async () => ({ done: true as const, value: undefined }) }),
    };
    yield { ...parseHeaders(headers), body: stream };
    while (!finished && !(await inner.next()).done);
  }
}

/** A small text field (e.g. the kind) read whole. */
export async function partText(part: Part, max = 1000): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of part.body) {
    size += chunk.length;
    if (size > max) throw new ImportProblem('not_multipart', {}, 'bad_request');
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks).toString('utf8').trim();
}
