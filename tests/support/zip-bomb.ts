// A zip bomb shaped like an XLSX, made in the test (never committed): its sharedStrings.xml
// inflates to many MB from a few KB per MB, as in the file of issue #13 (1.65 MB → 680 MB).
import { constants as zlibConstants, deflateRawSync } from 'node:zlib';

export const MB = 1024 * 1024;

/**
 * Raw deflate of `mb` MB of one repeated byte, built without ever holding it: 1 MB compressed
 * once with a sync flush (byte-aligned, no reference outside itself), repeated, then a final
 * empty block. A few KB per inflated MB, as in the 1.65 MB → 680 MB file of issue #13.
 */
function deflatedRun(mb: number): Buffer {
  const segment = deflateRawSync(Buffer.alloc(MB, 0x61), { level: 9, finishFlush: zlibConstants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array.from({ length: mb }, () => segment), Buffer.from([0x03, 0x00])]);
}

/** A zip of entries [name, method (0 stored, 8 deflate), data, uncompressed size] (CRC left 0: refused before it matters). */
export function zipOf(entries: [string, number, Buffer, number][]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, method, data, size] of entries) {
    const file = Buffer.from(name);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(method, 8);
    head.writeUInt32LE(data.length, 18);
    head.writeUInt32LE(size, 22);
    head.writeUInt16LE(file.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(method, 10);
    dir.writeUInt32LE(data.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(file.length, 28);
    dir.writeUInt32LE(offset, 42);
    local.push(head, file, data);
    central.push(dir, file);
    offset += head.length + file.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, directory, end]);
}

/** A small XLSX-shaped zip whose xl/sharedStrings.xml inflates to `inflatedMb` MB. */
export function zipBomb(inflatedMb: number): Buffer {
  const types = Buffer.from('<?xml version="1.0"?><Types/>');
  return zipOf([
    ['[Content_Types].xml', 0, types, types.length],
    ['xl/sharedStrings.xml', 8, deflatedRun(inflatedMb), inflatedMb * MB],
  ]);
}
