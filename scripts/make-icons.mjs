// Writes the home-screen icons of the phone form (public/icons/*.png) without any image
// library or download: each pixel is computed (brand blue, a white clipboard with a tick —
// "the day's report") and encoded as PNG with node:zlib. Run again after changing the design:
//   node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BRAND = [0x1d, 0x4e, 0xd8];
const WHITE = [255, 255, 255];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 3 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 3 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x / size, y / size), y * (size * 3 + 1) + 1 + x * 3);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** Distance from point p to the segment a–b (unit coordinates). */
function toSegment(px, py, ax, ay, bx, by) {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

/** The design in a unit square; `inset` shrinks it into the safe zone of a maskable icon. */
function design(inset) {
  return (u, v) => {
    const x = (u - 0.5) / (1 - 2 * inset) + 0.5;
    const y = (v - 0.5) / (1 - 2 * inset) + 0.5;
    const board = x > 0.24 && x < 0.76 && y > 0.2 && y < 0.84;
    const clip = x > 0.38 && x < 0.62 && y > 0.14 && y < 0.26;
    const tick = Math.min(toSegment(x, y, 0.33, 0.53, 0.45, 0.66), toSegment(x, y, 0.45, 0.66, 0.67, 0.4)) < 0.045;
    if (tick) return BRAND;
    return board || clip ? WHITE : BRAND;
  };
}

mkdirSync('public/icons', { recursive: true });
for (const size of [192, 512]) writeFileSync(`public/icons/icon-${size}.png`, png(size, design(0)));
writeFileSync('public/icons/icon-maskable-512.png', png(512, design(0.1)));
writeFileSync('public/icons/apple-touch-icon.png', png(180, design(0.06)));
console.log('icons written to public/icons/');
