// Read bodies of the area API kept in memory as the bytes sent, with their ETag, each under the
// data stamp of its kab/kota (Campaign.stamp) in the process's one stamp-keyed cache
// (lib/server/stamp-cache.ts): a write changes the stamp, so a cached body is never older than
// the data a fresh read would see. The viewer's whole scope is part of every key, so one scope
// never gets a body computed for another; the scoped query functions still decide what a scope
// may see, the cache only remembers their answer. A hit costs no serialising, no encoding and
// no hashing: the JSON is encoded and hashed once per stamp.
import type { Db } from '@/lib/db/client';
import type { Scope } from '@/lib/domain/scope';
import type { Campaign } from '@/lib/queries/campaign';
import { memoByStamp } from '@/lib/server/stamp-cache';
import { etagOf } from './etag';

/** A body as sent: its UTF-8 JSON bytes and their strong ETag. */
export interface PreparedBody {
  bytes: Uint8Array;
  etag: string;
}

const encoder = new TextEncoder();

/** The bytes and ETag of a JSON value (once per stamp for a cached body). */
export function prepare(value: unknown): PreparedBody {
  const bytes = encoder.encode(JSON.stringify(value));
  return { bytes, etag: etagOf(bytes) };
}

/**
 * The prepared body of `compute()` for this scope and key, computed once per data stamp, or
 * null when the query found nothing visible (a 404). Concurrent requests for the same body
 * share one computation; a failed one is not kept.
 */
export function cachedBody(db: Db, scope: Scope, campaign: Campaign, key: string, compute: () => Promise<unknown>): Promise<PreparedBody | null> {
  const fullKey = `${JSON.stringify(scope)}|${key}`;
  return memoByStamp(
    db,
    'body',
    fullKey,
    campaign.stamp,
    async () => {
      const value = await compute();
      return value === null ? null : prepare(value);
    },
    (b) => (b ? b.bytes.byteLength + 128 : 128),
  );
}

/**
 * A prepared body as a 200 with its ETag. The API wrapper (lib/api/handler.ts) answers a
 * request whose If-None-Match names that ETag with a bodiless 304 instead.
 */
export function jsonResponse(body: PreparedBody, contentType = 'application/json'): Response {
  return new Response(body.bytes as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: { 'Content-Type': contentType, ETag: body.etag, Vary: 'Cookie, Authorization' },
  });
}
