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

/**
 * Decodes a byte stream chunk by chunk. The encoding is decided on the first chunk (64 KiB or
 * more); UTF-8 that turns invalid later is a file problem rather than a silent replacement.
 */
export async function* decodeText(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let offset = 0;
  for await (const chunk of chunks) {
    let bytes = chunk;
    if (!decoder) {
      const enc = sniff(bytes.subarray(0, 65_536));
      decoder = new TextDecoder(enc.label, { fatal: enc.label === 'utf-8' });
      bytes = bytes.subarray(enc.skip);
    }
    try {
      const text = decoder.decode(bytes, { stream: true });
      if (text) yield text;
    } catch {
      throw new ImportProblem('encoding', { offset });
    }
    offset += chunk.length;
  }
  if (!decoder) return;
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    throw new ImportProblem('encoding', { offset });
  }
}
