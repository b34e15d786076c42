// First-load JS per route, gzipped. Next 16 no longer prints it after a build, so it is derived
// from the build as served: each route's HTML is fetched from the running server (signed in),
// every <script src="/_next/…"> it names is read from .next/ (the file the server sends), gzipped
// at level 9 and summed. That is what a first visit downloads before the page is interactive
// (chunks loaded later by dynamic import, e.g. the map's Leaflet, are not counted).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface RouteBundle {
  route: string;
  scripts: number;
  rawKb: number;
  gzipKb: number;
  /** Each script with its gzipped size, largest first (kept in the JSON: where to look for savings). */
  chunks: { src: string; gzipKb: number }[];
}

/**
 * The <script src> paths under /_next/ of an HTML page, in order, without duplicates. A `nomodule`
 * script (Next's legacy polyfills) is left out: browsers that run modules never fetch it.
 */
export function scriptSources(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)) {
    if (/\bnomodule\b/i.test(m[0])) continue;
    const src = m[1].replace(/&amp;/g, '&');
    const pathname = src.startsWith('http') ? new URL(src).pathname : src.split('?')[0];
    if (pathname.startsWith('/_next/') && !out.includes(pathname)) out.push(pathname);
  }
  return out;
}

/** The build file a /_next/static/… URL serves. */
function buildFile(urlPath: string): string | null {
  const rel = decodeURIComponent(urlPath.replace(/^\/_next\//, ''));
  const file = path.join('.next', rel);
  return existsSync(file) ? file : null;
}

export async function measureRoute(base: string, route: string, cookie: string): Promise<RouteBundle> {
  const response = await fetch(base + route, { headers: { cookie }, redirect: 'follow' });
  if (!response.ok) throw new Error(`${route}: HTTP ${response.status}`);
  const html = await response.text();
  let raw = 0;
  let gz = 0;
  const chunks: RouteBundle['chunks'] = [];
  const sources = scriptSources(html);
  for (const src of sources) {
    const file = buildFile(src);
    // A chunk not on disk (served from memory) is fetched instead.
    const bytes = file ? readFileSync(file) : Buffer.from(await (await fetch(base + src)).arrayBuffer());
    const zipped = gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gz += zipped;
    chunks.push({ src, gzipKb: zipped / 1024 });
  }
  chunks.sort((a, b) => b.gzipKb - a.gzipKb);
  return { route, scripts: sources.length, rawKb: raw / 1024, gzipKb: gz / 1024, chunks };
}

/** The main routes and which demo login opens each. */
export const ROUTES: { route: string; as: 'pimpinan' | 'admin' | null; label: string }[] = [
  { route: '/wilayah/6471', as: 'pimpinan', label: 'dashboard /wilayah/6471' },
  { route: '/petugas', as: 'pimpinan', label: '/petugas' },
  { route: '/peta', as: 'pimpinan', label: '/peta' },
  { route: '/laporan', as: 'pimpinan', label: '/laporan' },
  { route: '/impor', as: 'admin', label: '/impor' },
  { route: '/masuk', as: null, label: '/masuk (signed out)' },
];
