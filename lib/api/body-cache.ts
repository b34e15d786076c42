// Read bodies of the area API kept in memory as the bytes sent, with their ETag, each under the
// stamp of its area (areaStamp: the campaign's days and the stamps of the kelurahan under it) in
// the process's one stamp-keyed cache (lib/server/stamp-cache.ts): a write changes the stamp of
// every area it touches, so a cached body is never older than the data a fresh read would see.
// The viewer's whole scope is part of every key, so one scope never gets a body computed for
// another; the scoped query functions still decide what a scope
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
 * What a body of `area` is valid for: the campaign's window and days (the complete day, the
 * latest report and the default as-of, on which statuses, pace and forecasts depend) and the
 * stamps of the kelurahan under the area and of those its PPL also work in (an SLS is judged
 * against its PPL's plan, which counts the PPL's work everywhere: Campaign.reach). Every change
 * of a kelurahan's reports, assignments or areas moves its stamp, and every write of master data
 * moves them all (lib/queries/reporting-marks.ts). A write to one kelurahan so leaves valid the
 * bodies of every kelurahan none of its PPL work in, and of the kecamatan outside it; an area
 * with no kelurahan stamp (an unknown code) uses the kab/kota's stamp.
 */
export function areaStamp(campaign: Campaign, area: string): string {
  let stamps = areaStamps.get(campaign);
  if (!stamps) areaStamps.set(campaign, (stamps = new Map()));
  const prefix = area.slice(0, 10);
  let stamp = stamps.get(prefix);
  if (stamp === undefined) {
    const own = campaign.marks.kelurahan;
    const under = new Set<string>();
    for (const code of Object.keys(own)) {
      if (!code.startsWith(prefix)) continue;
      under.add(code);
      for (const other of campaign.reach[code] ?? []) under.add(other);
    }
    const head = [campaign.startDate, campaign.endDate, campaign.graceDays, campaign.timezone, campaign.completeThreshold, campaign.completeThrough, campaign.latestReport, campaign.defaultAsOf].join('|');
    stamp = under.size === 0 ? campaign.stamp : head + [...under].sort().map((code) => `;${code}=${own[code] ?? '-'}`).join('');
    stamps.set(prefix, stamp);
  }
  return stamp;
}

/** Each remembered campaign's area stamps (a campaign object lives until its kab/kota's data changes). */
const areaStamps = new WeakMap<Campaign, Map<string, string>>();

/**
 * The prepared body of `compute()` for this scope, area and key, computed once per stamp of the
 * area (areaStamp), or null when the query found nothing visible (a 404). Concurrent requests
 * for the same body share one computation; a failed one is not kept.
 */
export function cachedBody(db: Db, scope: Scope, campaign: Campaign, area: string, key: string, compute: () => Promise<unknown>): Promise<PreparedBody | null> {
  const fullKey = `${JSON.stringify(scope)}|${key}`;
  return memoByStamp(
    db,
    'body',
    fullKey,
    areaStamp(campaign, area),
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
