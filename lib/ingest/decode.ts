// Bytes of a text file → text, as spreadsheet programs save it: UTF-8 with or without BOM,
// UTF-16 ("Unicode text") with its BOM, or the Windows ANSI code page of an old "CSV" save.
import { ImportProblem } from './reasons';

type Encoding = { label: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'; skip: number };

function sniff(head: Uint8Array): Encoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { label: 'utf-8', skip: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { label: 'utf-16le', skip: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { label: 'utf-16be', skip: 2 };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return { label: 'utf-8', skip: 0 };
  } catch {
    return { label: 'windows-1252', skip: 0 };
  }
}

const SNIFF_BYTES = 65_536;

/** NUL never means anything in a text file and PostgreSQL text cannot hold it. */
const stripNul = (text: string) => (text.includes('\u0000') ? text.replace(/\u0000/g, '') : text);

/** The first SNIFF_BYTES (or the whole stream, if shorter) as one chunk, then the rest as it comes. */
async function* withHead(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const head: Uint8Array[] = [];
  let size = 0;
  let headDone = false;
  for await (const chunk of chunks) {
    if (headDone) {
      yield chunk;
      continue;
    }
    head.push(chunk);
    size += chunk.length;
    if (size >= SNIFF_BYTES) {
      headDone = true;
      yield Buffer.concat(head);
    }
  }
  if (!headDone && size > 0) yield Buffer.concat(head);
}

/**
 * Decodes a byte stream chunk by chunk. The encoding is decided on the first 64 KiB; UTF-8
 * that turns invalid later is a file problem rather than a silent replacement.
 */
export async function* decodeText(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let offset = 0;
  for await (const chunk of withHead(chunks)) {
    let bytes = chunk;
    if (!decoder) {
      const enc = sniff(bytes.subarray(0, SNIFF_BYTES));
      decoder = new TextDecoder(enc.label, { fatal: enc.label === 'utf-8' });
      bytes = bytes.subarray(enc.skip);
    }
    try {
      const text = stripNul(decoder.decode(bytes, { stream: true }));
      if (text) yield text;
    } catch {
      throw new ImportProblem('encoding', { offset });
    }
    offset += chunk.length;
  }
  if (!decoder) return;
  try {
    const rest = stripNul(decoder.decode());
    if (rest) yield rest;
  } catch {
    throw new ImportProblem('encoding', { offset });
  }
}
