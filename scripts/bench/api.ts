// The read API under load (autocannon, N connections) and the floor under it: the same body
// functions the route handlers call, in-process with no HTTP, Next.js or sign-in, one at a time.
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/lib/db/client';
import { areaScope, type Scope } from '@/lib/domain/scope';
import { getAreaBody, getChildrenBody, getDailyBody } from '@/lib/api/area-bodies';
import { geoQuerySchema } from '@/lib/api/geo-schemas';
import { officersQuerySchema } from '@/lib/api/officers-schemas';
import { getCampaign, type Campaign } from '@/lib/queries/campaign';
import { dataOn } from '@/lib/server/data';
import { postgresCpuSeconds, type AppServer } from './env';
import { latency } from './report';

export const ENDPOINTS = ['areas', 'children', 'daily', 'geo', 'officers'] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

export const ENDPOINT_LABEL: Record<Endpoint, string> = {
  areas: '/api/v1/areas/{code}',
  children: '/api/v1/areas/{code}/children',
  daily: '/api/v1/areas/{code}/daily',
  geo: '/api/v1/areas/{code}/geo',
  officers: '/api/v1/officers (page of 50)',
};

/** Sorts the officers list is cycled through (a page of 50 each). */
export const OFFICER_SORTS = ['code', 'name:desc', 'pace7:desc', 'daysSilent:desc', 'progres', 'projectedFinish:desc', 'status', 'flags:desc'];

export interface Mix {
  /** The kota, every kecamatan and kelurahan, and a sample of its SLS. */
  areas: string[];
  /** The kota, kecamatan and kelurahan: areas with children. */
  parents: string[];
}

export const KOTA = '6471';

/** The codes each endpoint cycles through, all inside the demo city (the viewer's scope). */
export async function codeMix(db: Db): Promise<Mix> {
  const rows = await queryRows<{ code: string; level: string }>(
    db,
    sql`select code, level from area where kode_kota = ${KOTA} and (level in ('kota', 'kecamatan', 'kelurahan')
      or (level = 'sls' and code like '%7')) order by code`,
  );
  return { areas: rows.map((r) => r.code), parents: rows.filter((r) => r.level !== 'sls').map((r) => r.code) };
}

function officerQuery(sort: string) {
  const [key, dir = 'asc'] = sort.split(':');
  return { key, dir };
}

export function pathsFor(endpoint: Endpoint, mix: Mix): string[] {
  switch (endpoint) {
    case 'areas':
      return mix.areas.map((c) => `/api/v1/areas/${c}`);
    case 'children':
      return mix.parents.map((c) => `/api/v1/areas/${c}/children`);
    case 'daily':
      return mix.parents.map((c) => `/api/v1/areas/${c}/daily`);
    case 'geo':
      return mix.parents.map((c) => `/api/v1/areas/${c}/geo`);
    case 'officers':
      return OFFICER_SORTS.map((s) => officerQuery(s)).map(({ key, dir }) => `/api/v1/officers?page=1&pageSize=50&sort=${key}&dir=${dir}`);
  }
}

export interface LoadResult {
  /** Null when no response came back within the run (a starved or stuck server). */
  p50: number | null;
  p95: number | null;
  rps: number;
  requests: number;
  /** Responses that were not 2xx, plus errors and timeouts. */
  failed: number;
  /** CPU per request (ms) of the server and of its PostgreSQL backends: meaningful even when the machine is shared. */
  cpuMsPerRequest: number;
  postgresCpuMsPerRequest: number;
}

/** autocannon over a cycling list of paths, every response time kept so the percentiles are exact. */
export async function load(server: AppServer, paths: string[], token: string, opts: { connections: number; seconds: number }): Promise<LoadResult> {
  let i = 0;
  const times: number[] = [];
  let non2xx = 0;
  const cpu0 = server.cpuSeconds();
  const pg0 = await postgresCpuSeconds(server.database);
  const instance = autocannon({
    url: server.base,
    connections: opts.connections,
    duration: opts.seconds,
    headers: { authorization: `Bearer ${token}` },
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }],
  });
  instance.on('response', (_client, status, _bytes, ms) => {
    if (status < 200 || status > 299) non2xx++;
    times.push(ms);
  });
  const result = await instance;
  const cpu = server.cpuSeconds() - cpu0;
  const pg = (await postgresCpuSeconds(server.database)) - pg0;
  const l = latency(times);
  return {
    p50: times.length ? l.p50 : null,
    p95: times.length ? l.p95 : null,
    rps: times.length / Math.max(1, result.duration),
    requests: times.length,
    failed: non2xx + result.errors + result.timeouts,
    cpuMsPerRequest: (cpu * 1000) / Math.max(1, times.length),
    postgresCpuMsPerRequest: (pg * 1000) / Math.max(1, times.length),
  };
}

/** One call of what the handler of `endpoint` runs, for `code` (or an officers sort). */
export function floorCall(db: Db, scope: Scope, campaign: Campaign, endpoint: Endpoint, arg: string): Promise<unknown> {
  const asOf = campaign.defaultAsOf;
  const data = dataOn(db, { username: 'bench', role: 'admin', scope, homeArea: null, officerCode: null });
  switch (endpoint) {
    case 'areas':
      return getAreaBody(data, campaign, arg, asOf);
    case 'children':
      return getChildrenBody(data, campaign, { code: arg, asOf });
    case 'daily':
      return getDailyBody(data, campaign, { code: arg, from: campaign.startDate, to: asOf });
    case 'geo': {
      const q = geoQuerySchema.parse({});
      return data.getAreaGeo({ code: arg, asOf, window: campaign, metric: q.metric, level: q.level });
    }
    case 'officers': {
      const { key, dir } = officerQuery(arg);
      const query = officersQuerySchema.parse({ page: '1', pageSize: '50', sort: key, dir });
      return data.officerPageFor({ query, campaign, asOf, locale: 'id' });
    }
  }
}

export function floorArgs(endpoint: Endpoint, mix: Mix): string[] {
  if (endpoint === 'areas') return mix.areas;
  if (endpoint === 'officers') return OFFICER_SORTS;
  return mix.parents;
}

/** p50/p95 of the in-process calls: one warm-up round, then `rounds` rounds over every argument. */
export async function floor(db: Db, endpoint: Endpoint, mix: Mix, rounds = 3): Promise<{ p50: number; p95: number }> {
  const scope = areaScope(KOTA);
  const campaign = await getCampaign(db, scope);
  if (!campaign) throw new Error('no campaign for the demo city');
  const args = floorArgs(endpoint, mix);
  for (const a of args) await floorCall(db, scope, campaign, endpoint, a);
  const ms: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const a of args) {
      const t0 = performance.now();
      await floorCall(db, scope, campaign, endpoint, a);
      ms.push(performance.now() - t0);
    }
  }
  return latency(ms);
}

/**
 * What a write does to the stamps readers look at, without changing any figure: the kab/kota's
 * data version (every write transaction, lib/ingest/import-job.ts) and one kelurahan's version
 * (the triggers of a report write, migration 0015); the triggers notify the listening server.
 */
function stampWrite(db: Db, kodeKota: string, kelurahan: string): Promise<unknown> {
  return db.execute(sql`with k as (update kelurahan_version set version = version + 1 where kode_kota = ${kodeKota} and code = ${kelurahan})
    update campaign set data_version = data_version + 1 where kode_kota = ${kodeKota}`);
}

/** The arguments and written kelurahan of the first reads after a write: `samples` spread evenly over a list (uncached() and floorAfterWrite() send the same). */
function afterWritePicks<T>(list: T[], samples: number): T[] {
  return Array.from({ length: samples }, (_, i) => list[Math.floor((i * list.length) / samples) % list.length]);
}

/** The kelurahan a first read after a write finds written: the code's own (SLS codes start with it), else each in turn. */
function writtenKelurahan(code: string | undefined, kelurahan: string[], i: number): string {
  return (code && /^\d{10}/.exec(code)?.[0]) || kelurahan[i % kelurahan.length];
}

async function kelurahanOf(db: Db): Promise<string[]> {
  return (await queryRows<{ code: string }>(db, sql`select code from kelurahan_version where kode_kota = ${KOTA} order by code`)).map((r) => r.code);
}

/**
 * The same first reads after a write as uncached() sends, in-process: before each call the same
 * write to the stamps, then what the handler runs — the campaign, read afresh (this process does
 * not listen to the data feed, so it reuses no campaign; the written kelurahan's reporting marks
 * and whatever else is kept by stamp are read again as the server reads them) and the body — with
 * no HTTP, Next.js or sign-in. One warm-up pass, then `samples` calls over the endpoint's
 * arguments spread as uncached() spreads its paths. What uncached() adds to it is the HTTP path.
 */
export async function floorAfterWrite(db: Db, endpoint: Endpoint, mix: Mix, samples = 24): Promise<{ p50: number; p95: number }> {
  const scope = areaScope(KOTA);
  const picks = afterWritePicks(floorArgs(endpoint, mix), samples);
  const kelurahan = await kelurahanOf(db);
  const ms: number[] = [];
  for (let pass = 0; pass < 2; pass++) {
    for (const [i, arg] of picks.entries()) {
      await stampWrite(db, KOTA, writtenKelurahan(endpoint === 'officers' ? undefined : arg, kelurahan, i));
      const t0 = performance.now();
      const campaign = await getCampaign(db, scope);
      if (!campaign) throw new Error('no campaign for the demo city');
      await floorCall(db, scope, campaign, endpoint, arg);
      if (pass === 1) ms.push(performance.now() - t0);
    }
  }
  return latency(ms);
}

/** The framework's floor: a route handler with no auth, no database and a constant body, in the same build. */
export const HEALTH_PATH = '/api/v1/health';

/** The endpoints whose bodies are cached per data stamp: judged against the floor. */
export const CACHED: readonly Endpoint[] = ['areas', 'children', 'daily', 'geo'];

/** One request at a time over HTTP (the cost of a round trip through the framework, as uncached() sends them). */
export async function serial(server: AppServer, path: string, token: string, samples = 48): Promise<{ p50: number; p95: number }> {
  const ms: number[] = [];
  for (let i = 0; i < samples + 4; i++) {
    const t0 = performance.now();
    const response = await fetch(server.base + path, { headers: { authorization: `Bearer ${token}` } });
    await response.arrayBuffer();
    if (i >= 4) ms.push(performance.now() - t0);
  }
  return latency(ms);
}

/**
 * The first request after a write, through HTTP: before each request the kab/kota's data
 * version is bumped (what every write transaction does, lib/ingest/import-job.ts) and so is one
 * kelurahan's version (what the triggers of a report write do, migration 0015: the path's own
 * kelurahan, or for the kota and kecamatan each kelurahan in turn), so the stamp changes and the
 * body, the campaign's latest complete day, that kelurahan's reporting marks and the viewer's
 * visible sets are computed afresh — the cost a reader pays right after a write. One request at a time over
 * `samples` of the endpoint's paths spread evenly over its list, so they mix the levels as the
 * in-process floor's rounds do (the list is in code order: its first dozen are the kota, the
 * kecamatan and the first kelurahan, the floor's p50 mostly SLS).
 */
export async function uncached(server: AppServer, db: Db, paths: string[], token: string, samples = 24): Promise<{ p50: number; p95: number; failed: number }> {
  const ms: number[] = [];
  let failed = 0;
  const picks = afterWritePicks(paths, samples);
  const kelurahan = await kelurahanOf(db);
  for (const [i, path] of picks.entries()) {
    await stampWrite(db, KOTA, writtenKelurahan(/\/areas\/(\d+)/.exec(path)?.[1], kelurahan, i));
    const t0 = performance.now();
    const response = await fetch(server.base + path, { headers: { authorization: `Bearer ${token}` } });
    await response.arrayBuffer();
    ms.push(performance.now() - t0);
    if (!response.ok) failed++;
  }
  return { ...latency(ms), failed };
}

/** The kab/kota the bench writes while reading the demo city (the first synthetic copy, scale ≥ 2: lib/demo/city.ts). */
export const OTHER_KOTA = '9901';

/**
 * `load()` over the demo city's paths while another kab/kota is written `writesPerSecond` times a
 * second: each write is what every write transaction does to its kab/kota's rows (the campaign's
 * data version, lib/ingest/import-job.ts) and what a report write does to one of its kelurahan
 * (kelurahan_version), so the triggers notify the listening server of that kab/kota. The demo
 * city's data does not change: its cached bodies stay valid, and a read that asks the database
 * anyway (its campaign re-read because some kab/kota was written) shows in the PostgreSQL CPU per
 * request and in the req/s against the same load with no writes.
 */
export async function loadWhileOtherWritten(
  server: AppServer,
  db: Db,
  paths: string[],
  token: string,
  opts: { connections: number; seconds: number; writesPerSecond: number },
): Promise<LoadResult & { writes: number }> {
  const [kel] = await queryRows<{ code: string }>(db, sql`select code from kelurahan_version where kode_kota = ${OTHER_KOTA} and length(code) = 10 order by code limit 1`);
  if (!kel) throw new Error(`no kab/kota ${OTHER_KOTA}: the bench writes it from scale 2 on`);
  let writes = 0;
  let stop = false;
  const writer = (async () => {
    const every = 1000 / opts.writesPerSecond;
    for (let next = performance.now(); !stop; next += every) {
      await stampWrite(db, OTHER_KOTA, kel.code);
      writes++;
      const wait = next + every - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  })();
  try {
    return { ...(await load(server, paths, token, opts)), writes };
  } finally {
    stop = true;
    await writer;
  }
}
