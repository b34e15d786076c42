// The read path's caches behave as the API promises: the health route is a constant answer; a
// cached body carries a strong ETag and a client holding it gets a bodiless 304 (never a stored
// copy: private, no-store) until a write changes the body; and a remembered viewer never
// outlives a change of its account by more than VIEWER_TTL_MS (at once when made in-process).
import { sql } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as getAreaRoute } from '@/app/api/v1/areas/[code]/route';
import { GET as getChildrenRoute } from '@/app/api/v1/areas/[code]/children/route';
import { GET as getDailyRoute } from '@/app/api/v1/areas/[code]/daily/route';
import { GET as getGeoRoute } from '@/app/api/v1/areas/[code]/geo/route';
import { GET as getHealthRoute } from '@/app/api/v1/health/route';
import type { Auth } from '@/lib/auth/better-auth';
import { resolveViewer, VIEWER_TTL_MS } from '@/lib/auth/resolve-viewer';
import { issueApiToken } from '@/lib/auth/tokens';
import { setUserAccess, setUserDisabled } from '@/lib/auth/users';
import { queryRows, type Database } from '@/lib/db/client';
import { FEED_TTL_MS, feedOf, feedVersion } from '@/lib/db/data-feed';
import { seedDemo } from '@/lib/demo/seed';
import { areaScope } from '@/lib/domain/scope';
import { submitReports } from '@/lib/ingest/submit-reports';
import { getCampaign } from '@/lib/queries/campaign';
import { cookieOf, login, testAuth } from './auth-fixtures';
import { databaseTargets } from './support';

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

const admin6471 = { username: 'admin', ip: '198.51.100.7' };

describe('GET /api/v1/health', () => {
  it('answers a constant JSON body, no auth, never stored', async () => {
    const res = getHealthRoute();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});

describe.each(databaseTargets())('read caches on $name', (target) => {
  let database: Database;
  let auth: Auth;
  let token = '';
  const db = () => database.db;

  async function call(handler: Handler, path: string, params: Record<string, string>, headers: Record<string, string> = {}) {
    return handler(new NextRequest(new URL(path, 'http://pantau.test'), { headers: { authorization: `Bearer ${token}`, ...headers } }), {
      params: Promise.resolve(params),
    });
  }

  beforeAll(async () => {
    database = await target.open({ listen: true });
    await seedDemo(database.db, { seed: 2022, scale: 1 });
    (globalThis as { pantauDatabase?: Promise<Database> }).pantauDatabase = Promise.resolve(database);
    auth = testAuth(database.db);
    token = (await issueApiToken(db(), areaScope('6471'), { username: 'test', ip: null }, { username: 'pimpinan', name: 'read-cache test', expiresOn: null }))!.token;
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  afterAll(async () => {
    (globalThis as { pantauDatabase?: Promise<Database> }).pantauDatabase = undefined;
    await database?.close();
  });

  it.each([
    ['area', getAreaRoute, '/api/v1/areas/6471', 'application/json'],
    ['children', getChildrenRoute, '/api/v1/areas/6471/children', 'application/json'],
    ['daily', getDailyRoute, '/api/v1/areas/6471/daily', 'application/json'],
    ['geo', getGeoRoute, '/api/v1/areas/6471/geo', 'application/geo+json'],
  ] as const)('%s: a strong ETag on the body, a bodiless 304 for a client holding it, never stored', async (_name, handler, path, type) => {
    const first = await call(handler, path, { code: '6471' });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe(type);
    expect(first.headers.get('cache-control')).toBe('private, no-store');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]{32}"$/);
    const body = await first.text();
    expect(JSON.parse(body)).toBeTruthy();

    const again = await call(handler, path, { code: '6471' });
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe(body);

    const held = await call(handler, path, { code: '6471' }, { 'if-none-match': `"other", W/${etag}` });
    expect(held.status).toBe(304);
    expect(await held.text()).toBe('');
    expect(held.headers.get('etag')).toBe(etag);
    expect(held.headers.get('cache-control')).toBe('private, no-store');

    const stale = await call(handler, path, { code: '6471' }, { 'if-none-match': '"not-this-one"' });
    expect(stale.status).toBe(200);
    expect(await stale.text()).toBe(body);
  });

  it('a write that changes a body changes its ETag: the old one then gets the new body', async () => {
    const [sub] = await queryRows<{ kode_subsls: string; tanggal: string; ppl: string; selesai: number; menolak: number; tidak_ditemui: number; tidak_ditemukan: number; keluarga_baru: number }>(
      db(),
      sql`select r.*, r.tanggal::text as tanggal, s.kode_petugas as ppl from report r join assignment s on s.kode_subsls = r.kode_subsls
      where r.tanggal = (select max(tanggal) from report) and r.selesai + r.menolak + r.tidak_ditemui + r.tidak_ditemukan < r.prelist + r.keluarga_baru
      order by r.kode_subsls limit 1`,
    );
    const path = `/api/v1/areas/6471?asOf=${sub.tanggal}`;
    const before = await call(getAreaRoute, path, { code: '6471' });
    const etag = before.headers.get('etag')!;
    const selesai = (await before.json()).selesai as number;
    expect((await call(getAreaRoute, path, { code: '6471' }, { 'if-none-match': etag })).status).toBe(304);

    const actor = { username: 'test', role: 'admin' as const, scope: areaScope('6471'), officerCode: null };
    const written = await submitReports(
      db(),
      actor,
      [{ tanggal: sub.tanggal, kodeSubsls: sub.kode_subsls, kodePetugas: sub.ppl, selesai: sub.selesai + 1, menolak: sub.menolak, tidakDitemui: sub.tidak_ditemui, tidakDitemukan: sub.tidak_ditemukan, keluargaBaru: sub.keluarga_baru }],
      { source: 'api' },
    );
    expect(written.replaced).toBe(1);

    const after = await call(getAreaRoute, path, { code: '6471' }, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect((await after.json()).selesai).toBe(selesai + 1);
  });

  it('a disabled account gets 401 within VIEWER_TTL_MS when disabled elsewhere, at once when disabled here', async () => {
    const lurahToken = (await issueApiToken(db(), areaScope('6471'), admin6471, { username: 'lurah-klandasan-ulu', name: 'cache test', expiresOn: null }))!.token;
    const [lurah] = await queryRows<{ area_code: string }>(db(), sql`select area_code from auth_user where username = 'lurah-klandasan-ulu'`);
    const asLurah = { authorization: `Bearer ${lurahToken}` };
    const path = `/api/v1/areas/${lurah.area_code}`;
    expect((await call(getAreaRoute, path, { code: lurah.area_code }, asLurah)).status).toBe(200);

    // Disabled by another node (or by hand in SQL): this process learns it within the TTL.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now());
    await db().execute(sql`update auth_user set disabled = true where username = 'lurah-klandasan-ulu'`);
    vi.setSystemTime(Date.now() + VIEWER_TTL_MS + 1);
    expect((await call(getAreaRoute, path, { code: lurah.area_code }, asLurah)).status).toBe(401);
    vi.useRealTimers();

    await db().execute(sql`update auth_user set disabled = false where username = 'lurah-klandasan-ulu'`);
    expect((await call(getAreaRoute, path, { code: lurah.area_code }, asLurah)).status).toBe(200);
    // Disabled through the app in this process: at once, no wait.
    expect((await setUserDisabled(db(), areaScope('6471'), admin6471, 'lurah-klandasan-ulu', true)).ok).toBe(true);
    expect((await call(getAreaRoute, path, { code: lurah.area_code }, asLurah)).status).toBe(401);
  });

  it('a changed role or area changes the scope within VIEWER_TTL_MS, at once when changed here', async () => {
    const session = await login(db(), auth, 'lurah-manggar-baru');
    if (!session.ok) throw new Error('no session');
    const viewerOf = () => resolveViewer(db(), auth, { cookie: cookieOf(session.token), authorization: null });
    expect((await viewerOf())?.scope).toEqual(areaScope('6471020002'));

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now());
    await db().execute(sql`update auth_user set role = 'camat', area_code = '6471020' where username = 'lurah-manggar-baru'`);
    vi.setSystemTime(Date.now() + VIEWER_TTL_MS + 1);
    expect(await viewerOf()).toMatchObject({ role: 'camat', scope: areaScope('6471020') });
    vi.useRealTimers();

    expect((await setUserAccess(db(), areaScope('6471'), admin6471, 'lurah-manggar-baru', { role: 'lurah', root: '6471020002' })).ok).toBe(true);
    expect(await viewerOf()).toMatchObject({ role: 'lurah', scope: areaScope('6471020002') });
  });

  describe('the campaign under the data feed (lib/db/data-feed.ts)', () => {
    const scope = areaScope('6471');
    /** The feed's count of changes concerning the kab/kota (lib/db/data-feed.ts feedVersion). */
    const version = (kodeKota = '6471') => feedVersion(feedOf(db())!, kodeKota);
    /** Waits (real time) until the kab/kota's feed version moves past `from`: the notification arrived. */
    async function feedMoved(from: string, kodeKota = '6471') {
      for (let i = 0; i < 200 && version(kodeKota) === from; i++) await new Promise((r) => setTimeout(r, 10));
      return version(kodeKota);
    }

    it('is read once while nothing changes; a handle that does not listen reads every time', async () => {
      expect(feedOf(db())?.listening).toBe(true);
      const first = await getCampaign(db(), scope);
      expect(await getCampaign(db(), scope)).toBe(first);
      const quiet = await target.open();
      try {
        expect(feedOf(quiet.db)).toBeUndefined();
        await seedDemo(quiet.db, { seed: 2022, scale: 1 });
        const a = await getCampaign(quiet.db, scope);
        const b = await getCampaign(quiet.db, scope);
        expect(b).not.toBe(a);
        expect(b).toEqual(a);
      } finally {
        await quiet.close();
      }
    });

    it('a change in plain SQL (any process) reaches it by NOTIFY, with the clock stopped', async () => {
      const before = await getCampaign(db(), scope);
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.now());
      const from = version();
      await db().execute(sql`update campaign set data_version = data_version + 1 where kode_kota = '6471'`);
      expect(await feedMoved(from)).not.toBe(from);
      const after = await getCampaign(db(), scope);
      expect(after!.stamp).not.toBe(before!.stamp);
    });

    it('a notification names its kab/kota: another kab/kota\'s change leaves this one\'s campaign, a nameless one (TRUNCATE) moves every one', async () => {
      const before = await getCampaign(db(), scope);
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.now());
      // What the triggers send for a statement changing another kab/kota's rows.
      const other = version('6472');
      await db().execute(sql`select pg_notify('pantau_data', '6472')`);
      expect(await feedMoved(other, '6472')).not.toBe(other);
      expect(await getCampaign(db(), scope)).toBe(before);
      // Nameless: a TRUNCATE, or the listener reconnecting.
      const mine = version();
      await db().execute(sql`select pg_notify('pantau_data', '')`);
      expect(await feedMoved(mine)).not.toBe(mine);
      const after = await getCampaign(db(), scope);
      expect(after).not.toBe(before);
      expect(after).toEqual(before);
    });

    it('a change of assignments or areas in plain SQL is heard too (kelurahan_version names its kab/kota)', async () => {
      const before = await getCampaign(db(), scope);
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.now());
      const from = version();
      const other = version('6472');
      await db().execute(sql`update area set name = name where kode_kota = '6471' and code = '6471010006'`);
      expect(await feedMoved(from)).not.toBe(from);
      expect(version('6472')).toBe(other);
      const after = await getCampaign(db(), scope);
      expect(after!.marks.kelurahan['6471010006']).not.toBe(before!.marks.kelurahan['6471010006']);
      expect(after!.stamp).toBe(before!.stamp);
    });

    it('a write of this process is seen by its next read at once', async () => {
      const before = await getCampaign(db(), scope);
      const [sub] = await queryRows<{ kode_subsls: string; tanggal: string; ppl: string; selesai: number; menolak: number; tidak_ditemui: number; tidak_ditemukan: number; keluarga_baru: number }>(
        db(),
        sql`select r.*, r.tanggal::text as tanggal, s.kode_petugas as ppl from report r join assignment s on s.kode_subsls = r.kode_subsls
        where r.tanggal = (select max(tanggal) from report) order by r.kode_subsls limit 1`,
      );
      const actor = { username: 'test', role: 'admin' as const, scope, officerCode: null };
      const written = await submitReports(
        db(),
        actor,
        [{ tanggal: sub.tanggal, kodeSubsls: sub.kode_subsls, kodePetugas: sub.ppl, selesai: sub.selesai, menolak: sub.menolak, tidakDitemui: sub.tidak_ditemui, tidakDitemukan: sub.tidak_ditemukan, keluargaBaru: sub.keluarga_baru + 1 }],
        { source: 'api' },
      );
      expect(written.replaced).toBe(1);
      expect((await getCampaign(db(), scope))!.stamp).not.toBe(before!.stamp);
    });

    it('a change whose notification was lost is seen after FEED_TTL_MS at the latest', async () => {
      const before = await getCampaign(db(), scope);
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.now());
      // Triggers do not fire for a session in replica mode: the change sends no notification.
      await db().transaction(async (tx) => {
        await tx.execute(sql`set local session_replication_role = replica`);
        await tx.execute(sql`update campaign set data_version = data_version + 1 where kode_kota = '6471'`);
      });
      await new Promise((r) => setTimeout(r, 50));
      expect(await getCampaign(db(), scope)).toBe(before);
      vi.setSystemTime(Date.now() + FEED_TTL_MS + 1);
      expect((await getCampaign(db(), scope))!.stamp).not.toBe(before!.stamp);
    });
  });
});
