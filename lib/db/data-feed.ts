import 'server-only';
import type { Db } from './client';

/*
 * The data feed: how a process learns that a kab/kota's data changed without asking the database
 * on every request. Triggers on campaign, area_series and report (migration 0013) send NOTIFY
 * pantau_data from any process and any SQL session; a Database opened with `listen` (the app
 * server's, lib/server/database.ts) listens and counts the notifications in `generation`. A value
 * read from the database may be reused while the generation it was read under is current, the
 * feed is listening, and it is younger than FEED_TTL_MS — the bound on staleness should a
 * notification be lost while the listening connection reconnects. A write of this process also
 * moves the generation itself right after its commit (`noteChange`), so its own next read never
 * waits for the notification's round trip.
 */

export const DATA_CHANNEL = 'pantau_data';

/** Longest a value read under the feed is reused, notifications or not. */
export const FEED_TTL_MS = 1000;

export interface DataFeed {
  /** Moves on every notification, every own write and every (re)connection of the listener. */
  generation: number;
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
  const feed: DataFeed = { generation: 0, listening: false };
  feeds().set(db, feed);
  return feed;
}

/** A change of the data seen by this process (a notification, or its own committed write). */
export function noteChange(db: Db): void {
  const feed = feeds().get(db);
  if (feed) feed.generation++;
}

interface Remembered<T> {
  value: T;
  generation: number;
  at: number;
}

/**
 * A small memory of values read from the database, valid under the feed: `read()`'s value for
 * `key`, reused while nothing changed (see above). Concurrent misses share one read; a read that
 * overlapped a change is returned to its callers but not kept.
 */
export class FeedMemory<T> {
  readonly #entries = new WeakMap<Db, Map<string, Remembered<Promise<T>>>>();

  get(db: Db, key: string, read: () => Promise<T>): Promise<T> {
    const feed = feedOf(db);
    if (!feed) return read();
    let entries = this.#entries.get(db);
    if (!entries) this.#entries.set(db, (entries = new Map()));
    const now = Date.now();
    const hit = entries.get(key);
    if (hit && hit.generation === feed.generation && now - hit.at < FEED_TTL_MS) return hit.value;
    const generation = feed.generation;
    const value = read();
    const entry = { value, generation, at: now };
    entries.set(key, entry);
    value.then(
      () => {
        // A change during the read: its answer may predate the change; the next caller reads again.
        if (feed.generation !== generation && entries.get(key) === entry) entries.delete(key);
      },
      () => {
        if (entries.get(key) === entry) entries.delete(key);
      },
    );
    return value;
  }
}
