import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueArchives, writeArchiveDay } from '@/lib/archive/archive-job';
import { queryRows, type Database } from '@/lib/db/client';
import { seedDemo } from '@/lib/demo/seed';
import { areaScope } from '@/lib/domain/scope';
import { getArchiveFile, listArchiveDays } from '@/lib/queries/archive';
import { databaseTargets } from './support';

/** The outcomes of Kota Balikpapan (a demo at a larger scale holds more cities). */
const kota = <T extends { kodeKota: string }>(outcomes: T[]) => outcomes.filter((o) => o.kodeKota === '6471');
/** An instant given as local WITA wall-clock time. */
const wita = (local: string) => new Date(`${local}:00+08:00`);

describe.each(databaseTargets())('daily archive on $name', (target) => {
  let database: Database;
  const counts = async () =>
    queryRows<{ tanggal: string; kind: string; n: number }>(
      database.db,
      sql`select tanggal::text as tanggal, kind, count(*)::int as n from archive_file where kode_kota = '6471' group by 1, 2 order by 1, 2`,
    );
  beforeAll(async () => {
    database = await target.open();
    await seedDemo(database.db, { seed: 2022, scale: 1 });
  }, 600_000);
  afterAll(() => database?.close());

  it('at 07:00 WITA writes the latest complete day: a PDF and a card for the kota, 6 kecamatan and 34 kelurahan', async () => {
    // 06:59 on 2 Nov: this morning's run is not due yet, and nothing is archived before it.
    const early = kota(await runDueArchives(database.db, wita('2022-11-02T06:59')));
    expect(early.map((o) => o.tanggal)).toEqual(['2022-10-31']);
    const [run] = kota(await runDueArchives(database.db, wita('2022-11-02T07:00')));
    expect(run).toMatchObject({ kodeKota: '6471', tanggal: '2022-11-01', status: 'written', files: 82 });
    const files = await counts();
    expect(files.filter((f) => f.tanggal === '2022-11-01')).toEqual([
      { tanggal: '2022-11-01', kind: 'pdf', n: 41 },
      { tanggal: '2022-11-01', kind: 'png', n: 41 },
    ]);
    const pdf = await getArchiveFile(database.db, areaScope('6471'), { tanggal: '2022-11-01', areaCode: '6471010', kind: 'pdf' });
    expect(pdf!.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf!.filename).toContain('2022-11-01');
  }, 300_000);

  it('is idempotent: the same morning again writes nothing, a rewrite keeps one set', async () => {
    const before = await counts();
    const [again] = kota(await runDueArchives(database.db, wita('2022-11-02T09:30')));
    expect(again).toMatchObject({ tanggal: '2022-11-01', status: 'done', files: 82 });
    const rewritten = await writeArchiveDay(database.db, '6471', '2022-11-01', { trigger: 'admin', rewrite: true });
    expect(rewritten).toMatchObject({ status: 'written', files: 82 });
    expect(await counts()).toEqual(before);
  }, 300_000);

  it('makes up a missed morning at start, and a running claim keeps a second process out', async () => {
    // Server down at 07:00 on 3 Nov, started at 09:10: the start-up run writes 2 Nov.
    const [madeUp] = kota(await runDueArchives(database.db, wita('2022-11-03T09:10'), 'startup'));
    expect(madeUp).toMatchObject({ tanggal: '2022-11-02', status: 'written', files: 82 });
    const [trigger] = await queryRows<{ trigger: string }>(database.db, sql`select trigger from archive_run where kode_kota = '6471' and tanggal = '2022-11-02'`);
    expect(trigger.trigger).toBe('startup');
    // The demo's latest complete day is 2 Nov: later mornings have nothing new to write.
    const [later] = kota(await runDueArchives(database.db, wita('2022-11-05T07:00')));
    expect(later).toMatchObject({ tanggal: '2022-11-02', status: 'done' });
    // Another server holds 30 Oct (a fresh claim): this one stays out and writes nothing, even asked to rewrite.
    await database.db.execute(sql`insert into archive_run (kode_kota, tanggal, status, trigger) values ('6471', '2022-10-30', 'running', 'schedule')`);
    const busy = await writeArchiveDay(database.db, '6471', '2022-10-30', { trigger: 'command', rewrite: true });
    expect(busy).toMatchObject({ tanggal: '2022-10-30', status: 'busy', files: 0 });
    expect((await counts()).some((c) => c.tanggal === '2022-10-30')).toBe(false);
  }, 300_000);

  it('lists the archive by day within the viewer scope only', async () => {
    const lurah = await listArchiveDays(database.db, areaScope('6471010007'));
    expect(lurah.map((d) => d.tanggal)).toEqual(['2022-11-02', '2022-11-01', '2022-10-31']);
    expect(lurah[0].files.map((f) => `${f.areaCode}.${f.kind}`)).toEqual(['6471010007.pdf', '6471010007.png']);
    const camat = await listArchiveDays(database.db, areaScope('6471010'));
    expect(camat[0].files.every((f) => f.areaCode.startsWith('6471010'))).toBe(true);
    expect(camat[0].files.filter((f) => f.level === 'kelurahan').length).toBeGreaterThan(1);
    expect(await getArchiveFile(database.db, areaScope('6471010007'), { tanggal: '2022-11-01', areaCode: '6471010006', kind: 'pdf' })).toBeNull();
    expect(await getArchiveFile(database.db, areaScope('6471010007'), { tanggal: '2022-11-01', areaCode: '6471', kind: 'png' })).toBeNull();
    expect(await getArchiveFile(database.db, areaScope('6471010007'), { tanggal: '2022-11-01', areaCode: '6471010007', kind: 'png' })).not.toBeNull();
  });
});
