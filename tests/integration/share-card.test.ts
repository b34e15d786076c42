import { writeFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/lib/db/client';
import { seedDemo } from '@/lib/demo/seed';
import { areaScope, type Scope } from '@/lib/domain/scope';
import { getCampaign, type Campaign } from '@/lib/queries/campaign';
import { buildAreaCard, CARD_WIDTH } from '@/lib/share/area-card';
import { dataOn } from '@/lib/server/data';
import { databaseTargets } from './support';

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const widthOf = (png: Buffer) => png.readUInt32BE(16);

describe.each(databaseTargets())('summary card on $name', (target) => {
  let database: Database;
  let campaign: Campaign;
  beforeAll(async () => {
    database = await target.open();
    await seedDemo(database.db, { seed: 2022, scale: 2 });
    campaign = (await getCampaign(database.db, areaScope('6471')))!;
  }, 600_000);
  afterAll(() => database?.close());
  /** The request data of someone whose Scope is `scope`. */
  const scopedData = (scope: Scope) => dataOn(database.db, { username: 'tester', role: 'admin', scope, homeArea: null, officerCode: null });

  it.each([
    ['kota', '6471', '6471'],
    ['kecamatan', '6471010', '6471010'],
    ['kelurahan', '6471010007', '6471010007'],
    ['sls', '6471010', '64710100070001'],
  ])('draws a 1080 px PNG for a %s in scope', async (_level, root, code) => {
    const png = await buildAreaCard(scopedData(areaScope(root)), campaign, { code, asOf: '2022-10-31', locale: 'id' });
    expect(png).not.toBeNull();
    expect([...png!.subarray(0, 8)]).toEqual(PNG_MAGIC);
    expect(widthOf(png!)).toBe(CARD_WIDTH);
    if (process.env.SHARE_CARD_OUT) writeFileSync(`${process.env.SHARE_CARD_OUT}-${code}.png`, png!);
  });

  it("draws without libvips' operation cache: no card reuses another's operations, and the cache only held memory", async () => {
    await buildAreaCard(scopedData(areaScope('6471')), campaign, { code: '6471', asOf: '2022-10-31', locale: 'id' });
    const cache = sharp.cache();
    expect(cache.memory.max).toBe(0);
    expect(cache.items.max).toBe(0);
    expect(cache.items.current).toBe(0);
  });

  it("is null (the route's 404) for an area outside the scope: a lurah's card of another kelurahan", async () => {
    const other = await buildAreaCard(scopedData(areaScope('6471010007')), campaign, { code: '6471010006', asOf: '2022-10-31', locale: 'id' });
    expect(other).toBeNull();
    const parent = await buildAreaCard(scopedData(areaScope('6471010007')), campaign, { code: '6471010', asOf: '2022-10-31', locale: 'id' });
    expect(parent).toBeNull();
  });
});
