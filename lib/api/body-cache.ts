// Read bodies of the area API kept in memory as the JSON text sent, each under the data stamp
// of its kab/kota (Campaign.stamp): a write changes the stamp, so a cached body is never older
// than the data a fresh read would see. The viewer's whole scope is part of every key, so one
// scope never gets a body computed for another; the scoped query functions still decide what
// a scope may see, the cache only remembers their answer.
import type { Db } from '@/lib/db/client';
import type { Scope } from '@/lib/domain/scope';
import type { Campaign } from '@/lib/queries/campaign';
import { etagOf } from './etag';

interface Entry {
  stamp: string;
  /** The JSON text, or null when the query found nothing visible (a 404). */
  body: Promise<string | null>;
  bytes: number;
  etag?: string;
}

/** Bodies kept per process: a kelurahan's children are ~50 KB, the kota's map a few hundred. */
const MAX_BYTES = 48 * 1024 * 1024;
const MAX_ENTRIES = 4096;

interface Store {
  entries: Map<string, Entry>;
  bytes: number;
}

// On globalThis: route handlers are bundled per route, and must share one cache. One store per
// database handle: stamps are transaction ids, which two databases (tests swap them) can share.
const holder = globalThis as unknown as { pantauBodyCache?: WeakMap<Db, Store> };

function storeOf(db: Db): Store {
  holder.pantauBodyCache ??= new WeakMap();
  let s = holder.pantauBodyCache.get(db);
  if (!s) holder.pantauBodyCache.set(db, (s = { entries: new Map(), bytes: 0 }));
  return s;
}

function drop(s: Store, key: string, entry: Entry): void {
  if (s.entries.get(key) !== entry) return;
  s.entries.delete(key);
  s.bytes -= entry.bytes;
}

/**
 * The JSON text of `compute()`'s body for this scope and key, computed once per data stamp.
 * Concurrent requests for the same body share one computation; a failed one is not kept.
 */
export function cachedBody(
  db: Db,
  campaign: Campaign,
  scope: Scope,
  key: string,
  compute: () => Promise<unknown>,
): { body: Promise<string | null>; etag: () => Promise<string | null> } {
  const s = storeOf(db);
  const fullKey = `${JSON.stringify(scope)}|${key}`;
  let entry = s.entries.get(fullKey);
  if (entry && entry.stamp === campaign.stamp) {
    // Map order is insertion order: re-inserting keeps the most recently used last.
    s.entries.delete(fullKey);
    s.entries.set(fullKey, entry);
  } else {
    if (entry) drop(s, fullKey, entry);
    const fresh: Entry = { stamp: campaign.stamp, bytes: 0, body: compute().then((b) => (b === null ? null : JSON.stringify(b))) };
    entry = fresh;
    s.entries.set(fullKey, fresh);
    fresh.body.then(
      (text) => {
        if (s.entries.get(fullKey) !== fresh) return;
        fresh.bytes = text?.length ?? 0;
        s.bytes += fresh.bytes;
        for (const [k, e] of s.entries) {
          if (s.bytes <= MAX_BYTES && s.entries.size <= MAX_ENTRIES) break;
          drop(s, k, e);
        }
      },
      () => drop(s, fullKey, fresh),
    );
  }
  const e = entry;
  return {
    body: e.body,
    etag: async () => {
      const text = await e.body;
      if (text === null) return null;
      e.etag ??= etagOf(text);
      return e.etag;
    },
  };
}

/** A cached body as a JSON response, without parsing and serialising it again. */
export function jsonResponse(body: string, contentType = 'application/json'): Response {
  return new Response(body, { status: 200, headers: { 'Content-Type': contentType } });
}
