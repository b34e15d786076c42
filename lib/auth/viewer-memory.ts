// Viewers resolved from a credential, remembered for a few seconds (lib/auth/resolve-viewer.ts):
// every API read would otherwise pay a round trip to the database for who is asking. Kept in
// its own module so the modules that change accounts, sessions and tokens can forget them
// without importing the resolver (which imports them).
import { createHash } from 'node:crypto';
import type { Db } from '@/lib/db/client';
import type { Viewer } from '@/lib/domain/roles';

/** How long a resolved viewer is reused: a change made outside this process applies within it. */
export const VIEWER_TTL_MS = 2000;
/** Viewers remembered per database handle (a few hundred signed-in users; bounded all the same). */
const MAX_VIEWERS = 4096;

interface Remembered {
  viewer: Viewer;
  until: number;
}

// On globalThis: route handlers are bundled per route and must share one memory (and forgetting).
// The generation counts forgettings: a viewer read before one is not remembered after it.
const viewerHolder = globalThis as unknown as { pantauViewers?: WeakMap<Db, Map<string, Remembered>>; pantauViewerGeneration?: number };

export const viewerGeneration = () => viewerHolder.pantauViewerGeneration ?? 0;

function viewersOf(db: Db): Map<string, Remembered> {
  viewerHolder.pantauViewers ??= new WeakMap();
  let m = viewerHolder.pantauViewers.get(db);
  if (!m) viewerHolder.pantauViewers.set(db, (m = new Map()));
  return m;
}

/** The memory's key of a credential: its hash, so no token is kept in memory as such. */
export function keyOf(credential: string): string {
  return createHash('sha256').update(credential).digest('base64url');
}

export function remembered(db: Db, key: string): Viewer | null {
  const m = viewersOf(db);
  const hit = m.get(key);
  if (!hit) return null;
  if (hit.until > Date.now()) return hit.viewer;
  m.delete(key);
  return null;
}

export function remember(db: Db, key: string, viewer: Viewer, expiresAt: number, generation: number): void {
  if (generation !== viewerGeneration()) return;
  const m = viewersOf(db);
  m.delete(key);
  m.set(key, { viewer, until: Math.min(Date.now() + VIEWER_TTL_MS, expiresAt) });
  if (m.size > MAX_VIEWERS) m.delete(m.keys().next().value as string);
}

/**
 * Forgets every remembered viewer (of every database handle): called by each change of an
 * account, session or token in this process, so such a change applies here at once.
 */
export function forgetViewers(): void {
  viewerHolder.pantauViewerGeneration = viewerGeneration() + 1;
  viewerHolder.pantauViewers = new WeakMap();
}

