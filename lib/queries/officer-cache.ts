/**
 * A small per-database memo for computed tables, each entry tagged with the data stamp it was
 * built from: an entry is reused only while the stamp is unchanged, so a write is never hidden.
 * Concurrent callers with the same key and stamp share one computation.
 */
interface Entry {
  stamp: string;
  value: Promise<unknown>;
}

/**
 * Entries kept per space: a kab/kota's facts are large and few; each scope's table (cut from
 * them) and its visible sets are smaller and many — keyed by the scope, never shared between scopes.
 */
const LIMITS = { facts: 8, table: 64, visible: 512 } as const;
import 'server-only';
export type MemoSpace = keyof typeof LIMITS;

type Spaces = Record<MemoSpace, Map<string, Entry>>;

// On globalThis: dev hot reload re-evaluates modules, and pages and route handlers must share it.
const holder = globalThis as unknown as { pantauOfficerMemo?: WeakMap<object, Spaces> };

function spaceOf(owner: object, space: MemoSpace): Map<string, Entry> {
  holder.pantauOfficerMemo ??= new WeakMap();
  let spaces = holder.pantauOfficerMemo.get(owner);
  if (!spaces) {
    spaces = { facts: new Map(), table: new Map(), visible: new Map() };
    holder.pantauOfficerMemo.set(owner, spaces);
  }
  return spaces[space];
}

/**
 * The value under `key` in `space`, computed anew when the stamp differs. `owner` (the database the
 * values come from) only separates the memos of two databases: it is a WeakMap key, never queried.
 */
export function memoByStamp<T>(owner: object, space: MemoSpace, key: string, stamp: string, compute: () => Promise<T>): Promise<T> {
  const entries = spaceOf(owner, space);
  const hit = entries.get(key);
  if (hit && hit.stamp === stamp) {
    // Map order is insertion order: re-inserting keeps the most recently used last.
    entries.delete(key);
    entries.set(key, hit);
    return hit.value as Promise<T>;
  }
  const value = compute();
  const entry: Entry = { stamp, value };
  entries.delete(key);
  entries.set(key, entry);
  while (entries.size > LIMITS[space]) entries.delete(entries.keys().next().value as string);
  value.catch(() => {
    if (entries.get(key) === entry) entries.delete(key);
  });
  return value;
}
