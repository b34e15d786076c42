import 'server-only';
import type { Db } from './client';

/*
 * The data feed: how a process learns that a kab/kota's data changed without asking the database
 * on every request. Triggers on campaign, area_series, report and kelurahan_version (migrations
 * 0013, 0017, 0018) send NOTIFY pantau_data with the kode_kota of what changed, from any process and
 * any SQL session; a Database opened with `listen` (the app server's, lib/server/database.ts)
 * listens and counts the notifications: per kab/kota, and in `generation` those that name none
 * (a TRUNCATE) and the (re)connections of the listener, which concern every kab/kota. A value
 * read from the database for one kab/kota may be reused while neither count it was read under has
 * moved, the feed is listening, and it is younger than FEED_TTL_MS — the bound on staleness should
 * a notification be lost while the listening connection reconnects. A write of this process also
 * moves its kab/kota's count itself right after its commit (`noteChange`), so its own next read
 * never waits for the notification's round trip. A write to one kab/kota leaves what was read for
 * the others valid: with many kab/kota on one database, a read need not ask again because another
 * was written.
 */

export const DATA_CHANNEL = 'pantau_data';

/** Longest a value read under the feed is reused, notifications or not. */
export const FEED_TTL_MS = 1000;

export interface DataFeed {
  /** Moves on every notification that names no kab/kota and every (re)connection of the listener: a change of any kab/kota. */
  generation: number;
  /** Kode kota → moves on every notification naming that kab/kota and every own write to it. */
  readonly kota: Map<string, number>;
  /** True once the listener is subscribed; values are only reused while it is. */
  listening: boolean;
}

// On globalThis: route handlers are bundled per route and must share one feed per database handle.
const holder = globalThis as unknown as { pantauDataFeeds?: WeakMap<Db, DataFeed> };

function feeds(): WeakMap<Db, DataFeed> {
  holder.pantauDataFeeds ??= new WeakMap();
  return holder.pantauDataFeeds;
}

/** The feed of a database handle, or undefined when it does not listen (tests, scripts): then nothing is reused. */
export function feedOf(db: Db): DataFeed | undefined {
  const feed = feeds().get(db);
  return feed?.listening ? feed : undefined;
}

/** Creates the feed of a handle (not yet listening). */
export function openFeed(db: Db): DataFeed {
  const feed: DataFeed = { generation: 0, kota: new Map(), listening: false };
  feeds().set(db, feed);
  return feed;
}

/**
 * A change of the data seen by this process (a notification, or its own committed write): of
 * the kab/kota `kodeKota`, or of every kab/kota when none is named (an empty payload).
 */
export function noteChange(db: Db, kodeKota?: string): void {
  const feed = feeds().get(db);
  if (!feed) return;
  if (kodeKota) feed.kota.set(kodeKota, (feed.kota.get(kodeKota) ?? 0) + 1);
  else feed.generation++;
}

/** What a value read for `kodeKota` is valid under: both counts that concern it. */
export function feedVersion(feed: DataFeed, kodeKota: string): string {
  return `${feed.generation}:${feed.kota.get(kodeKota) ?? 0}`;
}

interface Remembered<T> {
  value: T;
  /** feedVersion of its kab/kota when it was read. */
  version: string;
  at: number;
}

/**
 * A small memory of values read from the database for one kab/kota each, valid under the feed:
 * `read()`'s value for `kodeKota`, reused while nothing of that kab/kota changed (see above).
 * Concurrent misses share one read; a read that overlapped a change is returned to its callers
 * but not kept.
 */
export class FeedMemory<T> {
  readonly #entries = new WeakMap<Db, Map<string, Remembered<Promise<T>>>>();

  get(db: Db, kodeKota: string, read: () => Promise<T>): Promise<T> {
    const feed = feedOf(db);
    if (!feed) return read();
    let entries = this.#entries.get(db);
    if (!entries) this.#entries.set(db, (entries = new Map()));
    const now = Date.now();
    const version = feedVersion(feed, kodeKota);
    const hit = entries.get(kodeKota);
    if (hit && hit.version === version && now - hit.at < FEED_TTL_MS) return hit.value;
    const value = read();
    const entry = { value, version, at: now };
    entries.set(kodeKota, entry);
    value.then(
      () => {
        // A change during the read: its answer may predate the change; the next caller reads again.
        if (feedVersion(feed, kodeKota) !== version && entries.get(kodeKota) === entry) entries.delete(kodeKota);
      },
      () => {
        if (entries.get(kodeKota) === entry) entries.delete(kodeKota);
      },
    );
    return value;
  }
}
