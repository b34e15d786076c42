// Zip-bomb guard for XLSX uploads. An XLSX is a zip: 1.65 MB of sharedStrings.xml once inflated
// to 680 MB inside the parser (30 s of CPU, +500 MB of memory) before anything refused it. So
// before exceljs sees a byte, the zip's central directory is read and every entry's declared size
// and compression ratio checked; then each entry is inflated into nothing, counting bytes, so a
// directory that lies about sizes is caught too — at most the limit is ever inflated, a few MB at a time.
import { Inflate } from 'fflate';
import { ImportProblem } from './reasons';

export interface ZipLimits {
  /** Uncompressed bytes of all entries together. */
  totalBytes: number;
  /** Uncompressed bytes of one entry. */
  entryBytes: number;
  /** Uncompressed ÷ compressed size of one entry, checked for entries above `ratioFloorBytes`. */
  ratio: number;
  ratioFloorBytes: number;
}

/** Real workbooks inflate 5–20×; the 20 MB upload limit × 5 fits within 100 MB. */
export const XLSX_LIMITS: ZipLimits = { totalBytes: 100 * 1024 * 1024, entryBytes: 100 * 1024 * 1024, ratio: 200, ratioFloorBytes: 1024 * 1024 };

interface Entry {
  name: string;
  method: number;
  compressed: number;
  uncompressed: number;
  localOffset: number;
}

const MB = (n: number) => Math.ceil(n / (1024 * 1024));
/** Compressed bytes fed per step: at a bomb's ~1000× that is a few MB of output at a time. */
const STEP = 4096;
/** A zip the guard cannot read (the detail is for the log, the message is in both languages). */
const unreadable = (detail: string) => new ImportProblem('xlsx_zip_damaged', { detail });

function tooLarge(entry: string, size: number, limits: ZipLimits): ImportProblem {
  return new ImportProblem('xlsx_inflated_too_large', { entry, size: MB(size), max: MB(limits.totalBytes) }, 'payload_too_large');
}

/** The central directory's entries (the end-of-directory record is found within the last 64 KB). */
function centralDirectory(bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw unreadable('zip directory not found (file cut short?)');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) throw unreadable('zip64 archives are not supported');
  const decoder = new TextDecoder();
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw unreadable('zip directory damaged');
    const nameLength = view.getUint16(at + 28, true);
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)).slice(0, 100),
      method: view.getUint16(at + 10, true),
      compressed: view.getUint32(at + 20, true),
      uncompressed: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/** Inflates one entry into nothing, counting bytes; throws once `budget` is passed. */
function inflatedSize(bytes: Uint8Array, entry: Entry, budget: number, onOver: (size: number) => ImportProblem): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) throw unreadable(`zip entry ${entry.name} damaged`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (entry.method === 0) return entry.compressed;
  if (entry.method !== 8) throw unreadable(`zip entry ${entry.name}: unsupported compression ${entry.method}`);
  let size = 0;
  let done = false;
  const inflate = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size > budget) throw onOver(size);
    done ||= final;
  });
  // Up to the end of the file, not the declared compressed size: that may lie; the deflate stream ends itself.
  for (let pos = start; pos < bytes.length && !done; pos += STEP) {
    try {
      inflate.push(bytes.subarray(pos, Math.min(bytes.length, pos + STEP)), pos + STEP >= bytes.length);
    } catch (error) {
      if (error instanceof ImportProblem) throw error;
      if (done) break;
      throw unreadable(`zip entry ${entry.name} damaged`);
    }
  }
  return size;
}

/**
 * Refuses (413, naming the entry and why) an XLSX whose entries inflate past the limits, by their
 * declared sizes first, then by inflating them; a damaged zip is refused as unreadable.
 */
export function checkZipLimits(bytes: Uint8Array, limits: ZipLimits = XLSX_LIMITS): void {
  const entries = centralDirectory(bytes);
  let declared = 0;
  for (const e of entries) {
    declared += e.uncompressed;
    if (e.uncompressed > limits.entryBytes || declared > limits.totalBytes) throw tooLarge(e.name, Math.max(e.uncompressed, declared), limits);
    if (e.uncompressed > limits.ratioFloorBytes && e.uncompressed > limits.ratio * Math.max(1, e.compressed)) {
      throw new ImportProblem('xlsx_ratio', { entry: e.name, ratio: Math.round(e.uncompressed / Math.max(1, e.compressed)), max: limits.ratio }, 'payload_too_large');
    }
  }
  let total = 0;
  for (const e of entries) {
    const budget = Math.min(limits.entryBytes, limits.totalBytes - total);
    total += inflatedSize(bytes, e, budget, (size) => tooLarge(e.name, total + size, limits));
  }
}
