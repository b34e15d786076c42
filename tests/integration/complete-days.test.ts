// Complete days through the API (DESIGN.md, Metrics): one early report moves nobody's default date,
// status, pace or forecast; a normal evening's reports do; a quiet Sunday does not hide the week.
// And /changes answers within the viewer's scope.
import { sql } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getAreaRoute } from '@/app/api/v1/areas/[code]/route';
import { GET as getChangesRoute } from '@/app/api/v1/changes/route';
import { GET as getOfficerRoute } from '@/app/api/v1/officers/[code]/route';
import { issueApiToken } from '@/lib/auth/tokens';
import { queryRows, type Database } from '@/lib/db/client';
import { seedDemo } from '@/lib/demo/seed';
import { addDays } from '@/lib/domain/dates';
import { areaScope } from '@/lib/domain/scope';
import { submitReports } from '@/lib/ingest/submit-reports';
import { getCampaign } from '@/lib/queries/campaign';
import { databaseTargets } from './support';

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(handler: Handler, path: string, token: string, params: Record<string, string> = {}) {
  const res = await handler(new NextRequest(new URL(path, 'http://pantau.test'), { headers: { authorization: `Bearer ${token}` } }), {
    params: Promise.resolve(params),
  });
  return { status: res.status, body: await res.json() };
}

interface Open {
  kode_subsls: string;
  ppl: string;
  selesai: number;
  menolak: number;
  tidak_ditemui: number;
  tidak_ditemukan: number;
  keluarga_baru: number;
  /** Families not visited yet. */
  room: number;
}

describe.each(databaseTargets())('complete days on $name', (target) => {
  let database: Database;
  let latest: string;
  const roles: Array<{ role: string; token: string; area: string; officer: string | null }> = [];
  const actor = { username: 'test', role: 'admin' as const, scope: areaScope('6471'), officerCode: null };
  let outsider: Open;

  /** What each role sees by default: the date, and the figures an early report must not move. */
  async function morning() {
    const out: Record<string, unknown> = {};
    for (const r of roles) {
      const { status, body } = await call(getAreaRoute, `/api/v1/areas/${r.area}`, r.token, { code: r.area });
      expect(status).toBe(200);
      const { asOf, status: s, statusReason, pace7, requiredPace, projectedFinish, selesai } = body;
      out[r.role] = { asOf, status: s, statusReason, pace7, requiredPace, projectedFinish, selesai };
      if (r.officer) {
        const o = (await call(getOfficerRoute, `/api/v1/officers/${r.officer}`, r.token, { code: r.officer })).body.officer;
        out[`${r.role}-officer`] = { asOf: o.asOf, status: o.status, pace7: o.pace7, projectedFinish: o.projectedFinish };
      }
    }
    return out;
  }

  const changes = async (token: string) => (await call(getChangesRoute, '/api/v1/changes', token)).body.token as string;

  /** The PPL expected on `date` (holding a sub-SLS unfinished the day before), each with one such sub-SLS and its counts then. */
  async function expectedOn(date: string): Promise<Open[]> {
    return queryRows<Open>(
      database.db,
      sql`select distinct on (s.kode_petugas) s.kode_subsls, s.kode_petugas as ppl,
        d.prelist + d.keluarga_baru - d.selesai - d.menolak - d.tidak_ditemui - d.tidak_ditemukan as room, d.selesai, d.menolak, d.tidak_ditemui, d.tidak_ditemukan, d.keluarga_baru
      from assignment s join area_day d on d.kode_kota = s.kode_kota and d.code = s.kode_subsls and d.tanggal = ${addDays(date, -1)}::date
      where s.kode_kota = '6471' and d.selesai + d.tidak_ditemukan < d.prelist + d.keluarga_baru
      order by s.kode_petugas, d.selesai + d.menolak + d.tidak_ditemui + d.tidak_ditemukan < d.prelist + d.keluarga_baru desc, s.kode_subsls`,
    );
  }

  /** One report dated `date` from each of these PPL: one more family enumerated (a revisit, when nobody is left unvisited). */
  async function report(date: string, open: Open[]) {
    const body = open.map((o) => ({
      tanggal: date,
      kodeSubsls: o.kode_subsls,
      kodePetugas: o.ppl,
      selesai: o.selesai + 1,
      menolak: o.menolak - (o.room === 0 && o.tidak_ditemui === 0 ? 1 : 0),
      tidakDitemui: o.tidak_ditemui - (o.room === 0 && o.tidak_ditemui > 0 ? 1 : 0),
      tidakDitemukan: o.tidak_ditemukan,
      keluargaBaru: o.keluarga_baru,
    }));
    const result = await submitReports(database.db, actor, body, { source: 'api' });
    expect(result.rejections).toEqual([]);
  }

  beforeAll(async () => {
    database = await target.open();
    await seedDemo(database.db, { seed: 2022, scale: 1 });
    (globalThis as { pantauDatabase?: Promise<Database> }).pantauDatabase = Promise.resolve(database);
    latest = (await getCampaign(database.db, areaScope('6471')))!.latestReport!;
    const token = async (username: string) =>
      (await issueApiToken(database.db, areaScope('6471'), { username: 'test', ip: null }, { username, name: 'complete days', expiresOn: null }))!.token;
    const [lurah] = await queryRows<{ username: string; area_code: string }>(
      database.db,
      sql`select username, area_code from auth_user where role = 'lurah' order by username limit 1`,
    );
    // A PPL of that kelurahan with work left, and their PML: every role looks at the same morning.
    const [ppl] = await queryRows<{ username: string; officer_code: string; subsls: string; pml: string }>(
      database.db,
      sql`select u.username, u.officer_code, min(s.kode_subsls) as subsls, o.supervisor_code as pml
      from auth_user u join officer o on o.kode_kota = u.kode_kota and o.code = u.officer_code
      join assignment s on s.kode_kota = o.kode_kota and s.kode_petugas = o.code
      where u.role = 'ppl' and s.kode_subsls like ${lurah.area_code + '%'}
      group by u.username, u.officer_code, o.supervisor_code order by u.username limit 1`,
    );
    const [pml] = await queryRows<{ username: string }>(database.db, sql`select username from auth_user where role = 'pml' and officer_code = ${ppl.pml}`);
    roles.push(
      { role: 'pimpinan', token: await token('pimpinan'), area: '6471', officer: null },
      { role: 'lurah', token: await token(lurah.username), area: lurah.area_code, officer: null },
      { role: 'ppl', token: await token(ppl.username), area: ppl.subsls, officer: ppl.officer_code },
    );
    if (pml) roles.push({ role: 'pml', token: await token(pml.username), area: ppl.subsls, officer: ppl.officer_code });
    // The early reporter works in another kecamatan, for another PML: outside every scope above but the city's.
    const expected = await expectedOn(addDays(latest, 1));
    outsider = expected.find((o) => !o.kode_subsls.startsWith(lurah.area_code.slice(0, 7)))!;
    expect(outsider).toBeDefined();
  });
  afterAll(async () => {
    (globalThis as { pantauDatabase?: Promise<Database> }).pantauDatabase = undefined;
    await database?.close();
  });

  it('opens on the latest report date of the demo when that day is complete', async () => {
    const campaign = (await getCampaign(database.db, areaScope('6471')))!;
    expect(campaign.defaultAsOf).toBe(latest);
    const city = await call(getAreaRoute, '/api/v1/areas/6471', roles[0].token, { code: '6471' });
    expect(city.body.reporting.tanggal).toBe(latest);
    expect(city.body.reporting.complete).toBe(true);
    expect(city.body.reporting.reported / city.body.reporting.expected).toBeGreaterThanOrEqual(0.8);
    // The lurah counts only the PPL of the kelurahan.
    const lurah = await call(getAreaRoute, `/api/v1/areas/${roles[1].area}`, roles[1].token, { code: roles[1].area });
    expect(lurah.body.reporting.expected).toBeGreaterThan(0);
    expect(lurah.body.reporting.expected).toBeLessThan(city.body.reporting.expected);
  });

  it('one early report for the next day moves no role’s default date, status, pace or forecast, nor the /changes of those it is outside', async () => {
    const before = await morning();
    const tokensBefore = await Promise.all(roles.map((r) => changes(r.token)));
    await report(addDays(latest, 1), [outsider]);
    expect(await morning()).toEqual(before);
    const tokensAfter = await Promise.all(roles.map((r) => changes(r.token)));
    // The city's head sees the city's activity; the lurah, PPL and PML do not see a report outside their scope.
    expect(tokensAfter[0]).not.toBe(tokensBefore[0]);
    expect(tokensAfter.slice(1)).toEqual(tokensBefore.slice(1));

    // Opened on purpose, the partial day shows its counts and says it is partial; its forecast is the complete day's.
    const city = (await call(getAreaRoute, `/api/v1/areas/6471?asOf=${addDays(latest, 1)}`, roles[0].token, { code: '6471' })).body;
    expect(city.reporting).toMatchObject({ tanggal: addDays(latest, 1), reported: 1, complete: false });
    const done = before.pimpinan as { selesai: number; pace7: number; status: string; projectedFinish: string };
    expect(city.selesai).toBe(done.selesai + 1);
    expect({ pace7: city.pace7, status: city.status, projectedFinish: city.projectedFinish }).toEqual({
      pace7: done.pace7,
      status: done.status,
      projectedFinish: done.projectedFinish,
    });
  });

  it('a normal evening of reports (at least the threshold) moves everyone to the new day', async () => {
    const day = addDays(latest, 1);
    const expected = await expectedOn(day);
    await report(day, expected.filter((o) => o.ppl !== outsider.ppl).slice(0, Math.ceil(expected.length * 0.85)));
    const now = (await morning()) as Record<string, { asOf: string }>;
    for (const r of roles) expect(now[r.role].asOf, r.role).toBe(day);
    const city = (await call(getAreaRoute, '/api/v1/areas/6471', roles[0].token, { code: '6471' })).body;
    expect(city.reporting).toMatchObject({ tanggal: day, complete: true });
  });

  it('a quiet Sunday does not hide the week: the default waits for it, and counts it once Monday is complete', async () => {
    const sunday = addDays(latest, 2);
    const monday = addDays(latest, 3);
    const onSunday = await expectedOn(sunday);
    await report(sunday, onSunday.slice(0, Math.floor(onSunday.length * 0.5)));
    expect((await getCampaign(database.db, areaScope('6471')))!.defaultAsOf).toBe(addDays(latest, 1));
    const sundayCity = (await call(getAreaRoute, `/api/v1/areas/6471?asOf=${sunday}`, roles[0].token, { code: '6471' })).body;
    expect(sundayCity.reporting.complete).toBe(false);

    const onMonday = await expectedOn(monday);
    await report(monday, onMonday.slice(0, Math.ceil(onMonday.length * 0.85)));
    expect((await getCampaign(database.db, areaScope('6471')))!.defaultAsOf).toBe(monday);
    const again = (await call(getAreaRoute, `/api/v1/areas/6471?asOf=${sunday}`, roles[0].token, { code: '6471' })).body;
    expect(again.reporting.complete).toBe(true);
    // Sunday now counts: its pace is the families closed that day (one per report), not the Saturday's.
    expect(again.pace).toBe(Math.floor(onSunday.length * 0.5));
    expect(sundayCity.pace).not.toBe(again.pace);
  });
});
