import { describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import { memoByStamp, SPACES, stampCacheSize } from '@/lib/server/stamp-cache';

/** A fresh database handle as far as the cache is concerned (it keys its stores by identity). */
const newDb = () => ({}) as Db;

describe('stamp-keyed cache', () => {
  it('computes once per key and stamp, shares a computation in flight, recomputes when the stamp changes', async () => {
    const db = newDb();
    let calls = 0;
    const compute = async () => ++calls;
    const [a, b] = await Promise.all([memoByStamp(db, 'table', 'k', 's1', compute), memoByStamp(db, 'table', 'k', 's1', compute)]);
    expect([a, b, calls]).toEqual([1, 1, 1]);
    expect(await memoByStamp(db, 'table', 'k', 's2', compute)).toBe(2);
    expect(await memoByStamp(db, 'table', 'k', 's2', compute)).toBe(2);
    expect(stampCacheSize(db).table.entries).toBe(1);
  });

  it('keeps spaces and database handles apart', async () => {
    const [d1, d2] = [newDb(), newDb()];
    expect(await memoByStamp(d1, 'facts', 'k', 's', async () => 'facts')).toBe('facts');
    expect(await memoByStamp(d1, 'visible', 'k', 's', async () => 'visible')).toBe('visible');
    expect(await memoByStamp(d2, 'facts', 'k', 's', async () => 'other db')).toBe('other db');
  });

  it('does not keep a failed computation', async () => {
    const db = newDb();
    await expect(memoByStamp(db, 'table', 'k', 's', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await memoByStamp(db, 'table', 'k', 's', async () => 'up')).toBe('up');
  });

  it('drops the least recently used entries past the space’s entry and byte bounds', async () => {
    const db = newDb();
    for (let i = 0; i < SPACES.facts.entries + 3; i++) await memoByStamp(db, 'facts', `k${i}`, 's', async () => i);
    expect(stampCacheSize(db).facts.entries).toBe(SPACES.facts.entries);
    let recomputed = false;
    await memoByStamp(db, 'facts', 'k0', 's', async () => ((recomputed = true), 0));
    expect(recomputed).toBe(true);

    const big = Math.floor(SPACES.body.bytes / 3);
    for (let i = 0; i < 5; i++) await memoByStamp(db, 'body', `b${i}`, 's', async () => new Uint8Array(big), (v) => v.byteLength);
    // Let the size bookkeeping (on settle) run.
    await new Promise((r) => setTimeout(r, 0));
    const size = stampCacheSize(db).body;
    expect(size.bytes).toBeLessThanOrEqual(SPACES.body.bytes);
    expect(size.entries).toBe(3);
  });
});
