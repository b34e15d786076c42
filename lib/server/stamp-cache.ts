// One in-memory cache for everything computed from a kab/kota's data and valid only for the
// data stamp it was built under (Campaign.stamp: every write changes it, so an entry is never
// older than the data a fresh read would see). Used by the read API's bodies (lib/api/body-cache)
// and by the officer tables and visible sets (lib/queries). Named spaces, each with its own
// bounds (entries and, where the value says its size, bytes), least recently used out first.
// Concurrent callers with the same key and stamp share one computation; a failed one is not kept.
import type { Db } from '@/lib/db/client';

export interface SpaceLimits {
  entries: number;
  /** Summed `size()` of the kept values; unbounded when absent. */
  bytes?: number;
}

/**
 * The spaces and their bounds. body: the JSON bytes of read bodies (a kelurahan's children
 * ~50 KB, the kota's map a few hundred). facts: a kab/kota's officer facts (large, few).
 * table / visible: each scope's officer table and visible sets (keyed by the scope, never shared).
 * marks: one kelurahan's reporting marks over the window (lib/queries/reporting-marks.ts, ~1–2 KB
 * each), under that kelurahan's own stamp, not the kab/kota's.
 */
export const SPACES = {
  body: { entries: 2048, bytes: 24 * 1024 * 1024 },
  facts: { entries: 8 },
  table: { entries: 64 },
  visible: { entries: 512 },
  marks: { entries: 8192, bytes: 32 * 1024 * 1024 },
} as const satisfies Record<string, SpaceLimits>;
export type Space = keyof typeof SPACES;

interface Entry {
  stamp: string;
  value: Promise<unknown>;
  bytes: number;
  settled: boolean;
  /** When the computation started (a count of computations started in this process). */
  started: number;
}

/** Computations started so far: orders them, so a waiter knows which began after it asked. */
let computations = 0;

interface Store {
  entries: Map<string, Entry>;
  bytes: number;
}

// On globalThis: route handlers are bundled per route and dev hot reload re-evaluates modules;
// pages and handlers must share one cache. One store per database handle: stamps are
// transaction ids, which two databases (tests swap them) can share.
const holder = globalThis as unknown as { pantauStampCache?: WeakMap<Db, Record<Space, Store>> };

function storeOf(db: Db, space: Space): Store {
  holder.pantauStampCache ??= new WeakMap();
  let stores = holder.pantauStampCache.get(db);
  if (!stores) {
    const fresh = () => ({ entries: new Map(), bytes: 0 });
    stores = { body: fresh(), facts: fresh(), table: fresh(), visible: fresh(), marks: fresh() };
    holder.pantauStampCache.set(db, stores);
  }
  return stores[space];
}

function drop(s: Store, key: string, entry: Entry): void {
  if (s.entries.get(key) !== entry) return;
  s.entries.delete(key);
  s.bytes -= entry.bytes;
}

function evict(s: Store, limits: SpaceLimits): void {
  for (const [k, e] of s.entries) {
    if (s.entries.size <= limits.entries && (limits.bytes === undefined || s.bytes <= limits.bytes)) break;
    drop(s, k, e);
  }
}

/**
 * `compute()`'s value for this key under `stamp`, computed once per stamp. `size` (bytes of a
 * settled value) counts towards the space's byte bound.
 */
export function memoByStamp<T>(db: Db, space: Space, key: string, stamp: string, compute: () => Promise<T>, size?: (value: T) => number): Promise<T> {
  const s = storeOf(db, space);
  const hit = s.entries.get(key);
  if (hit && hit.stamp === stamp) {
    // Map order is insertion order: re-inserting keeps the most recently used last.
    s.entries.delete(key);
    s.entries.set(key, hit);
    return hit.value as Promise<T>;
  }
  if (hit && !hit.settled) {
    // The same key under another stamp is still being computed: wait for it instead of running
    // beside it (under frequent writes, computations of one key side by side each slowed the
    // others down), then take the first computation that started after this call, whatever its
    // stamp: it read the data after this caller read its stamp, so it is at least as new. Without
    // that, callers holding ever older stamps computed them one after the other (seconds in the
    // reliability soak's officers page).
    const since = computations;
    return hit.value.then(settle, settle).then(() => {
      const now = s.entries.get(key);
      if (now && now.stamp !== stamp && now.started > since) return now.value as Promise<T>;
      return memoByStamp(db, space, key, stamp, compute, size);
    });
  }
  if (hit) drop(s, key, hit);
  const value = compute();
  const entry: Entry = { stamp, value, bytes: 0, settled: false, started: ++computations };
  s.entries.set(key, entry);
  evict(s, SPACES[space]);
  value.then(
    (v) => {
      entry.settled = true;
      if (s.entries.get(key) !== entry || !size) return;
      entry.bytes = size(v);
      s.bytes += entry.bytes;
      evict(s, SPACES[space]);
    },
    () => {
      entry.settled = true;
      drop(s, key, entry);
    },
  );
  return value;
}

const settle = () => undefined;

/** Entries and bytes held per space (for tests and diagnostics). */
export function stampCacheSize(db: Db): Record<Space, { entries: number; bytes: number }> {
  const out = {} as Record<Space, { entries: number; bytes: number }>;
  for (const space of Object.keys(SPACES) as Space[]) {
    const s = storeOf(db, space);
    out[space] = { entries: s.entries.size, bytes: s.bytes };
  }
  return out;
}
