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

  it('runs one computation of a key at a time: a new stamp waits for the running one, then takes the first computation begun after it asked', async () => {
    const db = newDb();
    let running = 0;
    let most = 0;
    const log: string[] = [];
    const gate: Record<string, () => void> = {};
    const compute = (stamp: string) => () =>
      new Promise<string>((resolve) => {
        running++;
        most = Math.max(most, running);
        log.push(`start ${stamp}`);
        gate[stamp] = () => {
          running--;
          resolve(`value ${stamp}`);
        };
      });
    const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
    const first = memoByStamp(db, 'table', 'k', 's1', compute('s1'));
    const second = [memoByStamp(db, 'table', 'k', 's2', compute('s2')), memoByStamp(db, 'table', 'k', 's2', compute('s2'))];
    const third = memoByStamp(db, 'table', 'k', 's3', compute('s3'));
    await tick();
    expect(log).toEqual(['start s1']);
    gate.s1();
    expect(await first).toBe('value s1');
    await tick();
    // The two callers of s2 share one computation; the caller of s3, which asked while s1 ran,
    // takes it too: it began after s3 was asked for, so its data is at least as new.
    expect(log).toEqual(['start s1', 'start s2']);
    gate.s2();
    expect(await Promise.all([...second, third])).toEqual(['value s2', 'value s2', 'value s2']);
    expect(most).toBe(1);
    // A caller asking afresh for another stamp once nothing runs gets its own.
    const fourth = memoByStamp(db, 'table', 'k', 's3', compute('s3'));
    await tick();
    gate.s3();
    expect(await fourth).toBe('value s3');
    expect(log).toEqual(['start s1', 'start s2', 'start s3']);
  });

  it('a new stamp still computes after the running computation of another stamp failed', async () => {
    const db = newDb();
    let fail!: (e: Error) => void;
    const first = memoByStamp(db, 'table', 'k', 's1', () => new Promise<string>((_, reject) => (fail = reject)));
    const second = memoByStamp(db, 'table', 'k', 's2', async () => 'up');
    fail(new Error('down'));
    await expect(first).rejects.toThrow('down');
    expect(await second).toBe('up');
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
