// npm run bench: one command that builds the app if needed and, for each scale (default 1× and
// 10×), creates its own PostgreSQL database on 127.0.0.1:5432, seeds it (timed), serves it with
// `next start` and measures: the read API under load and the in-process floor under it, the
// server's memory, first-load JS per route, LCP and transfer of the kota dashboard in Chromium,
// and ingest through HTTP. Prints one table with every figure, its target and whether it is met,
// writes bench-results/<timestamp>.json and (for a full run) regenerates docs/PERFORMANCE.md.
// Nothing here fails on a missed target: it measures and says so.
//
//   npm run bench                          everything at 1× and 10× (< 15 min on 2 cores)
//   npm run bench -- api sql               some suites (seed api sql ingest bundle browser archive)
//   npm run bench -- --scales 100          a growth point (recorded in PERFORMANCE.md's growth block)
//   npm run bench -- sql explain --scales 1,100 --reuse pantau_bench_keep
//                                          in-process floors and EXPLAIN (ANALYZE, BUFFERS) of every endpoint's
//                                          statements, on databases <prefix>_<scale> kept between runs
//                                          (seeded when missing; for read suites — ingest would change them)
//   options: --duration 8 (s per endpoint) --connections 32 --runs 3 (ingest repeats) --no-docs
//   PANTAU_BENCH_NODE_FLAGS='--cpu-prof --cpu-prof-dir=/tmp/prof' npm run bench -- ingest   profiles the server
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { openDatabase } from '@/lib/db/client';
import { CACHED, ENDPOINTS, ENDPOINT_LABEL, HEALTH_PATH, OTHER_KOTA, codeMix, floor, floorAfterWrite, load, loadWhileOtherWritten, pathsFor, serial, uncached, type Endpoint, type LoadResult } from './bench/api';
import { benchBrowser, SLOW_3G, type PageLoad } from './bench/browser';
import { measureRoute, ROUTES, type RouteBundle } from './bench/bundle';
import { createDatabase, machineInfo, reuseDatabase, signIn, startServer } from './bench/env';
import { explainEndpoints, printExplain } from './bench/explain';
import { benchArchive, type ArchiveBench } from './bench/archive';
import { benchBigUpload, benchIngest, benchSoak, type IngestResult, type SoakResult, type UploadResult } from './bench/ingest';
import { renderPerformanceDoc, renderTable, summaryOf, type BenchResults, type Figure } from './bench/report';
import { seedPglite, seedPostgres, type SeedTime } from './bench/seed';
import { productionServerCommand } from './bench/server-command';

const SUITES = ['seed', 'api', 'sql', 'ingest', 'bundle', 'browser', 'archive', 'explain'] as const;
type Suite = (typeof SUITES)[number];
const ALIASES: Record<string, Suite[]> = { areas: ['api', 'sql'], officers: ['api', 'sql'] };

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    scales: { type: 'string', default: '1,10' },
    duration: { type: 'string', default: '8' },
    connections: { type: 'string', default: '32' },
    runs: { type: 'string', default: '3' },
    'no-docs': { type: 'boolean', default: false },
    reuse: { type: 'string' },
  },
});
const unknown = positionals.filter((p) => !(SUITES as readonly string[]).includes(p) && !(p in ALIASES));
if (unknown.length) {
  console.error(`unknown suite(s) ${unknown.join(', ')}: choose from ${SUITES.join(', ')}`);
  process.exit(2);
}
// `explain` prints pages of plans: only when asked for.
const suites = new Set<Suite>(positionals.length ? positionals.flatMap((p) => ALIASES[p] ?? [p as Suite]) : SUITES.filter((s) => s !== 'explain'));
const scales = opts.scales!.split(',').map(Number);
if (scales.some((s) => !Number.isInteger(s) || s < 1)) throw new Error(`--scales: integers ≥ 1, got ${opts.scales}`);
const connections = Number(opts.connections);
const seconds = Number(opts.duration);
const runs = Number(opts.runs);
const full = positionals.length === 0;

interface ScaleRun {
  scale: number;
  seed: SeedTime;
  seedPglite?: SeedTime;
  api: Partial<Record<Endpoint, LoadResult>>;
  /** GET /api/v1/health under the same load: the framework's floor in this build. */
  health?: LoadResult;
  /** p50 of the floor's route one request at a time: the round trip every uncached request pays too. */
  healthSerialP50?: number;
  /** The first request after a write (the data stamp bumped before each), one at a time. */
  uncached: Partial<Record<Endpoint, { p50: number; p95: number; failed: number }>>;
  /** /areas of the demo city while another kab/kota is written (scale ≥ 2). */
  otherWritten?: LoadResult & { writes: number };
  floor: Partial<Record<Endpoint, { p50: number; p95: number }>>;
  /** The same first reads after a write as `uncached`, in-process (no HTTP): the campaign and the body. */
  floorAfterWrite: Partial<Record<Endpoint, { p50: number; p95: number }>>;
  rssLoadMb?: number;
  rssHighWaterMb?: number;
  bundles?: RouteBundle[];
  browser?: { loopback: PageLoad; slow3g: PageLoad };
  ingest?: IngestResult;
  soak?: SoakResult;
  stress?: SoakResult;
  upload?: UploadResult;
  archive?: ArchiveBench;
}

/** The soak's writers: one batch a second each (benchSoak's paceMs). */
const SOAK_PACE_MS = 1000;

/** Writes a second of another kab/kota while the demo city's /areas are read (scale ≥ 2): the soak's 10 writers at their pace, twice over. */
const OTHER_WRITES_PER_S = 20;

const METHOD = `- **Where**: one machine, PostgreSQL on 127.0.0.1:5432; each scale gets its own database
  (created, migrated, seeded with the deterministic demo \`seedDemo({ seed: 2022, scale })\`, analysed, dropped).
  Scale N is the Balikpapan demo plus N − 1 synthetic cities of the same size (1× = 240,000 families and
  1,104 officers); the viewer is always the head of Kota Balikpapan (\`pimpinan\`), so a flat 10×/1× means
  a city's queries do not grow with the rest of the database.
- **Server**: \`next start\` of the production build (\`scripts/ensure-build.mjs\` builds when there is none),
  with the command and Node flags of \`npm start\` (package.json: \`node ${productionServerCommand().nodeFlags.join(' ')} …/next start\`),
  PANTAU_DEMO=1, signed in through POST /api/v1/session; requests carry the session token as
  \`Authorization: Bearer\` (the path the browser's cookie takes).
- **Read API**: autocannon, ${'{connections}'} connections, a warm-up (5 requests one by one, every path of the cycle once, then 2 s of load) then ${'{duration}'} s per endpoint, each request taking
  the next path of a cycle: /areas/{code} over the kota, every kecamatan and kelurahan and ~10% of the SLS;
  /children, /daily and /geo over the kota, kecamatan and kelurahan; /officers a page of 50 over 8 sorts.
  p50/p95 are over every response's latency; req/s = responses / duration; failed = non-2xx + errors.
- **Floor (the framework)**: GET /api/v1/health, a route handler of the same build with no auth, no database and a
  constant body, loaded first with the same client, connections and duration. Each cached area endpoint
  (areas, children, daily, geo) is judged against it: req/s ≥ 50 % of the floor's, p95 ≤ 2× the floor's.
- **Targets replaced**: the first round's absolute read targets (p95 ≤ 25 ms at 1× for /areas and /children,
  and API p50 under load ≤ 2× the in-process p50) asked less of the app than of the framework itself: on this
  machine GET /api/v1/health, with no auth and no database, has a p95 of 28–37 ms at 32 connections. Issue #16
  replaced them with ratios to that floor measured in the same run (above); the absolute figures and the
  API/in-process ratio are still printed, without a verdict.
- **Uncached**: after the loads, one request at a time, each right after a write (the kab/kota's
  \`campaign.data_version\` bumped, as every write transaction does, and one kelurahan's version, as the triggers
  of a report write do: the path's own kelurahan, or for the kota and kecamatan each kelurahan in turn): 24
  requests per endpoint over paths spread evenly over its cycle (the same mix of levels as the in-process floor's
  rounds); its p50 is judged against the in-process floor below (≤ 3×). The floor's own route, sent the same way
  (one request at a time), costs a round trip no work of the app's removes; the ratio is printed again without
  it, for reading only.
- **Another kab/kota written** (from 2×): the /areas load again while kab/kota ${OTHER_KOTA} is written
  ${OTHER_WRITES_PER_S} times a second (its campaign's data version and one kelurahan's version bumped, as a write
  transaction and its triggers do): the demo city's bodies stay valid, and the data feed's notifications name the
  kab/kota written, so its readers should lose nothing; printed against the same load with no writes.
- **Floor (raw SQL)**: the same body functions the handlers call (lib/api/area-bodies, lib/queries/geo,
  lib/api/officers-json) called in-process on the same database, one at a time (no HTTP, Next.js or
  sign-in), one warm-up round then 3 rounds over the same codes; API/SQL is the ratio of the p50s.
- **Floor after a write (raw SQL)**: the uncached requests' own sequence in-process: the same write to the
  stamps before each call, then the campaign read again (the bench process does not listen to the data feed,
  so it reuses no campaign, and re-reads the written kelurahan's reporting marks as the server does) and the
  body, over the same 24 arguments as the uncached requests, after one warm-up pass. The uncached p50 over
  it is what the HTTP path adds to the SQL a first read after a write needs; printed for reading — the
  issue's target divides by the floor above, which reads no campaign.
- **Memory**: the \`next start\` process tree's summed VmRSS sampled every 200 ms from /proc during the read
  load, and the largest VmHWM (lifetime high-water mark) at the end of the scale, imports included.
- **Ingest** (through HTTP, after the reads since it changes data): a whole-city day = one report per sub-SLS
  of the city as a semicolon CSV posted multipart to POST /api/v1/imports as \`admin\`; and 1,000 reports as
  JSON to POST /api/v1/reports. Timed from request to answer, median of ${'{runs}'} runs on successive days
  (the JSON batches: of 5, after 5 untimed warm-up batches, printed: the write thread is cold until it has written).
- **Soak** (through HTTP, after the imports): 50 readers cycling back to back over six area paths (the kota, a
  kecamatan and its children, a kelurahan and its children, a kelurahan's daily series) while 10 writers,
  one per kelurahan, post batches of 1–30 reports (new keys, replacements, repeats) to POST /api/v1/reports
  as \`admin\`, for 20 s. Soak: each writer starts one batch a second (${SOAK_PACE_MS} ms apart; later only
  when its last answer came later): a fixed offered load of 10 batches a second, above any hour of the real
  fieldwork, and the same for every build — the write targets (p50 ≤ 250 ms, p95 ≤ 1 s) are judged here.
  Stress: the writers send back to back, so a faster write means more writes; it shows how many writes the
  server takes and what they cost the readers (every write moves the kota's stamp), printed without a verdict.
  At the first scale also a ~20 MB CSV (every sub-SLS × every date, with a long note) streamed to
  POST /api/v1/imports: its time and the server's RSS rise over its RSS just before (sampled every 200 ms).
- **Archive** (first scale, before the server starts): the morning job's \`writeArchiveDay\` run in a fresh process of
  its own (scripts/bench/archive-run.ts) on the scale's database for its latest complete day: 41 PDF reports and 41
  summary cards written to archive_file; wall time, and that process's RSS peak (sampled every 100 ms) over its RSS
  just before (after a full collection). Until the fifth pass of issue 16 it ran in the bench process, whose RSS
  after seeding (~640 MB) made the rise depend on when V8 collected.
- **First-load JS**: Next 16 no longer prints it after a build. Each route's HTML is fetched from the server
  signed in; every \`<script src="/_next/…">\` in it is read from .next/, gzipped (level 9) and summed. Chunks
  loaded later by dynamic import (e.g. Leaflet on the map) are not counted.
- **LCP and transfer**: Debian's Chromium through playwright-core, signed in as \`pimpinan\`, a fresh context
  (cold cache, cache disabled) opening /wilayah/6471; LCP is the last 'largest-contentful-paint' entry of a
  PerformanceObserver after network idle; transfer is the sum of CDP Network.loadingFinished
  encodedDataLength. Loopback: median of 3 after one warm-up load. Slow 3G: one load under CDP
  Network.emulateNetworkConditions, ${SLOW_3G.latencyMs} ms latency, ${SLOW_3G.downKbit} kbit/s down, ${SLOW_3G.upKbit} kbit/s up.
- **Shared machine**: latencies stretch when other work runs; the load average at start and end is recorded
  with each run, and CPU per request (the server's process tree and its PostgreSQL backends, from /proc) is
  printed next to the latencies: it does not stretch with the machine's load the way latencies do. Figures from a loaded machine are pessimistic.`;

/** Suites that need `next start` of the build, and those that run in this process on the database. */
const SERVED: Suite[] = ['api', 'ingest', 'bundle', 'browser'];
const IN_PROCESS: Suite[] = ['sql', 'explain'];

async function runScale(scale: number, first: boolean): Promise<ScaleRun> {
  const db = opts.reuse ? await reuseDatabase(`${opts.reuse}_${scale}`, scale) : { ...(await createDatabase(`s${scale}`)), seeded: false };
  const out: ScaleRun = { scale, seed: { generateS: 0, loadS: 0, totalS: 0 }, api: {}, uncached: {}, floor: {}, floorAfterWrite: {} };
  try {
    if (db.seeded) {
      console.log(`\n[${scale}×] reusing ${db.name} (seeded earlier: no seed time)`);
    } else {
      console.log(`\n[${scale}×] seeding ${db.name} …`);
      out.seed = await seedPostgres(db.url, scale);
      console.log(`[${scale}×] seeded in ${out.seed.totalS.toFixed(1)} s (generate ${out.seed.generateS.toFixed(1)} s, load + rollups ${out.seed.loadS.toFixed(1)} s)`);
    }
    if (suites.has('seed') && first && scale <= 10) {
      out.seedPglite = await seedPglite(scale);
      console.log(`[${scale}×] PGlite seed ${out.seedPglite.totalS.toFixed(1)} s`);
    }
    if (suites.has('archive') && first) {
      const a = (out.archive = await benchArchive(db.url));
      console.log(`[${scale}×] archive of ${a.day}: ${a.files} files in ${a.seconds.toFixed(1)} s, RSS ${a.rssBeforeMb.toFixed(0)} → peak ${a.rssPeakMb.toFixed(0)} MB`);
    }
    if (![...suites].some((s) => SERVED.includes(s) || IN_PROCESS.includes(s))) return out;
    const server = [...suites].some((s) => SERVED.includes(s)) ? await startServer(db.url) : null;
    const database = await openDatabase({ url: db.url, max: 4 });
    try {
      const mix = await codeMix(database.db);
      if (suites.has('explain')) printExplain(scale, await explainEndpoints(db.url, ENDPOINTS, mix));
      if (suites.has('sql')) {
        for (const endpoint of ENDPOINTS) {
          out.floor[endpoint] = await floor(database.db, endpoint, mix);
          console.log(`[${scale}×] floor ${endpoint.padEnd(9)} p50 ${out.floor[endpoint].p50.toFixed(1)} ms  p95 ${out.floor[endpoint].p95.toFixed(1)} ms`);
        }
        for (const endpoint of ENDPOINTS) {
          const f = (out.floorAfterWrite[endpoint] = await floorAfterWrite(database.db, endpoint, mix));
          console.log(`[${scale}×] floor ${endpoint.padEnd(9)} after a write (campaign + body) p50 ${f.p50.toFixed(1)} ms  p95 ${f.p95.toFixed(1)} ms`);
        }
      }
      if (!server) return out;
      const pimpinan = await signIn(server.base, 'pimpinan');
      if (suites.has('api')) {
        const memory = server.sampleMemory();
        // The floor first, with the same client, connections and duration as every endpoint.
        for (let i = 0; i < 5; i++) await fetch(server.base + HEALTH_PATH).then((r) => r.arrayBuffer());
        await load(server, [HEALTH_PATH], pimpinan.token, { connections, seconds: 2 });
        const h = (out.health = await load(server, [HEALTH_PATH], pimpinan.token, { connections, seconds }));
        console.log(
          `[${scale}×] ${'floor: /api/v1/health'.padEnd(32)} p50 ${h.p50?.toFixed(1) ?? '—'} ms  p95 ${h.p95?.toFixed(1) ?? '—'} ms  ${h.rps.toFixed(0)} req/s  failed ${h.failed}  CPU/req server ${h.cpuMsPerRequest.toFixed(2)} ms`,
        );
        for (const endpoint of ENDPOINTS) {
          const paths = pathsFor(endpoint, mix);
          // Warm-up: a few requests one at a time (loads the route's code), then every path of the
          // cycle once, 4 at a time (the cached endpoints are measured cached: a slow machine
          // would otherwise never get round the ~300 paths of /areas within the run), then 2 s of load.
          const warm = (p: string) => fetch(server.base + p, { headers: { authorization: `Bearer ${pimpinan.token}` } }).then((r) => r.arrayBuffer());
          for (const p of paths.slice(0, 5)) await warm(p);
          for (let i = 0; i < paths.length; i += 4) await Promise.all(paths.slice(i, i + 4).map(warm));
          await load(server, paths, pimpinan.token, { connections, seconds: 2 });
          const r = await load(server, paths, pimpinan.token, { connections, seconds });
          out.api[endpoint] = r;
          console.log(
            `[${scale}×] ${ENDPOINT_LABEL[endpoint].padEnd(32)} p50 ${r.p50?.toFixed(1) ?? '—'} ms  p95 ${r.p95?.toFixed(1) ?? '—'} ms  ${r.rps.toFixed(0)} req/s  failed ${r.failed}  CPU/req server ${r.cpuMsPerRequest.toFixed(1)} ms, PostgreSQL ${r.postgresCpuMsPerRequest.toFixed(1)} ms`,
          );
        }
        if (scale > 1) {
          // The same /areas load while another kab/kota is written: the demo city's bodies stay
          // cached, and its campaign stays remembered (the data feed names the kab/kota written).
          const r = (out.otherWritten = await loadWhileOtherWritten(server, database.db, pathsFor('areas', mix), pimpinan.token, { connections, seconds, writesPerSecond: OTHER_WRITES_PER_S }));
          console.log(
            `[${scale}×] ${ENDPOINT_LABEL.areas} while ${OTHER_KOTA} is written (${r.writes} writes) p50 ${r.p50?.toFixed(1) ?? '—'} ms  p95 ${r.p95?.toFixed(1) ?? '—'} ms  ${r.rps.toFixed(0)} req/s  failed ${r.failed}  CPU/req server ${r.cpuMsPerRequest.toFixed(1)} ms, PostgreSQL ${r.postgresCpuMsPerRequest.toFixed(2)} ms`,
          );
        }
        out.rssLoadMb = memory.stop();
        out.healthSerialP50 = (await serial(server, HEALTH_PATH, pimpinan.token)).p50;
        console.log(`[${scale}×] floor one request at a time p50 ${out.healthSerialP50.toFixed(1)} ms`);
        for (const endpoint of ENDPOINTS) {
          const u = (out.uncached[endpoint] = await uncached(server, database.db, pathsFor(endpoint, mix), pimpinan.token));
          console.log(`[${scale}×] uncached ${endpoint.padEnd(9)} (first request after a write) p50 ${u.p50.toFixed(1)} ms  p95 ${u.p95.toFixed(1)} ms  failed ${u.failed}`);
        }
      }
      if (suites.has('bundle') && first) {
        const admin = await signIn(server.base, 'admin');
        out.bundles = [];
        for (const r of ROUTES) {
          const b = await measureRoute(server.base, r.route, r.as === 'admin' ? admin.cookie : r.as ? pimpinan.cookie : '');
          out.bundles.push(b);
          console.log(`[${scale}×] first-load JS ${r.label.padEnd(26)} ${b.gzipKb.toFixed(1)} KB gz (${b.rawKb.toFixed(0)} KB raw, ${b.scripts} scripts)`);
        }
      }
      if (suites.has('browser') && first) {
        out.browser = await benchBrowser(server.base);
        const { loopback: l, slow3g: s } = out.browser;
        console.log(`[${scale}×] dashboard LCP loopback ${l.lcpMs?.toFixed(0)} ms, ${l.transferKb.toFixed(0)} KB; slow 3G ${s.lcpMs?.toFixed(0)} ms, ${s.transferKb.toFixed(0)} KB`);
      }
      if (suites.has('ingest')) {
        const admin = await signIn(server.base, 'admin');
        out.ingest = await benchIngest(database.db, server, admin.token, runs);
        console.log(`[${scale}×] city day CSV (${out.ingest.cityRows} rows) ${out.ingest.cityDayMs.map((m) => (m / 1000).toFixed(2)).join(', ')} s; JSON 1,000 ${out.ingest.jsonBatchMs.map((m) => m.toFixed(0)).join(', ')} ms (after warm-up ${out.ingest.jsonWarmupMs.map((m) => m.toFixed(0)).join(', ')}); one report ${out.ingest.oneReportMs.map((m) => m.toFixed(0)).join(', ')} ms`);
        const say = (label: string, k: SoakResult) =>
          console.log(`[${scale}×] ${label} ${k.seconds} s: ${k.writes} writes p50 ${k.writeP50.toFixed(0)} / p95 ${k.writeP95.toFixed(0)} ms; ${k.reads} reads p50 ${k.readP50.toFixed(0)} / p95 ${k.readP95.toFixed(0)} ms; 5xx ${k.failed}`);
        out.soak = await benchSoak(database.db, server, admin.token, { seconds: 20, paceMs: SOAK_PACE_MS });
        say('soak (10 writers, one batch a second each; 50 readers)', out.soak);
        out.stress = await benchSoak(database.db, server, admin.token, { seconds: 20, paceMs: 0 });
        say('stress (10 writers back to back; 50 readers)', out.stress);
        if (first) {
          out.upload = await benchBigUpload(database.db, server, admin.token);
          const u = out.upload;
          console.log(`[${scale}×] ${u.mb.toFixed(1)} MB upload (${u.rows} rows) ${u.seconds.toFixed(1)} s, server RSS ${u.rssBeforeMb.toFixed(0)} → peak ${u.rssPeakMb.toFixed(0)} MB`);
        }
      }
      out.rssHighWaterMb = server.highWaterMb();
    } finally {
      await database.close();
      await server?.close();
    }
    return out;
  } finally {
    await db.drop();
  }
}

function figuresOf(results: ScaleRun[]): Figure[] {
  const figs: Figure[] = [];
  const per = (pick: (r: ScaleRun) => number | null | undefined) => Object.fromEntries(results.map((r) => [String(r.scale), pick(r) ?? null]));
  const base = results[0];
  const firstOnly = (v: number | null | undefined) => Object.fromEntries(results.map((r, i) => [String(r.scale), i === 0 ? (v ?? null) : null]));
  figs.push({ section: 'seed', name: 'PostgreSQL (generate + load + rollups)', unit: 's', values: per((r) => r.seed.totalS || null) });
  if (base.seedPglite) figs.push({ section: 'seed', name: 'PGlite', unit: 's', values: firstOnly(base.seedPglite.totalS) });
  if (suites.has('ingest')) {
    figs.push({ section: 'import', name: 'whole-city day CSV via POST /imports', unit: 's', values: per((r) => r.ingest?.cityDayMedianS), targets: [{ max: 2, on: 'each' }] });
    figs.push({ section: 'import', name: '1,000 reports JSON via POST /reports (p50 of 5)', unit: 'ms', values: per((r) => r.ingest?.jsonBatchMedianMs), targets: [{ max: 300, on: 'each' }] });
    figs.push({ section: 'import', name: 'one report JSON via POST /reports (p50 of 9)', unit: 'ms', values: per((r) => r.ingest?.oneReportMedianMs), targets: [{ max: 30, on: 'each' }] });
    const soak = 'soak (20 s; 10 writers, one batch of 1–30 reports a second each; 50 readers)';
    figs.push({ section: soak, name: 'writes sent', unit: '', values: per((r) => r.soak?.writes) });
    figs.push({ section: soak, name: 'write p50', unit: 'ms', values: per((r) => r.soak?.writeP50), targets: [{ max: 250, on: 'each' }] });
    figs.push({ section: soak, name: 'write p95', unit: 'ms', values: per((r) => r.soak?.writeP95), targets: [{ max: 1000, on: 'each' }] });
    figs.push({ section: soak, name: 'reads answered', unit: '', values: per((r) => r.soak?.reads) });
    figs.push({ section: soak, name: 'read p50', unit: 'ms', values: per((r) => r.soak?.readP50) });
    figs.push({ section: soak, name: 'read p95', unit: 'ms', values: per((r) => r.soak?.readP95) });
    figs.push({ section: soak, name: '5xx answers', unit: '', values: per((r) => r.soak?.failed), targets: [{ max: 0, on: 'each' }] });
    const stress = 'stress (20 s; 10 writers back to back; 50 readers)';
    figs.push({ section: stress, name: 'writes answered', unit: '', values: per((r) => r.stress?.writes) });
    figs.push({ section: stress, name: 'write p50', unit: 'ms', values: per((r) => r.stress?.writeP50) });
    figs.push({ section: stress, name: 'write p95', unit: 'ms', values: per((r) => r.stress?.writeP95) });
    figs.push({ section: stress, name: 'reads answered', unit: '', values: per((r) => r.stress?.reads) });
    figs.push({ section: stress, name: 'read p50', unit: 'ms', values: per((r) => r.stress?.readP50) });
    figs.push({ section: stress, name: '5xx answers', unit: '', values: per((r) => r.stress?.failed), targets: [{ max: 0, on: 'each' }] });
    if (base.upload) {
      figs.push({ section: 'import', name: `${base.upload.mb.toFixed(0)} MB CSV upload, time`, unit: 's', values: firstOnly(base.upload.seconds) });
      figs.push({ section: 'import', name: `${base.upload.mb.toFixed(0)} MB CSV upload, server RSS rise`, unit: 'MB', values: firstOnly(base.upload.rssPeakMb - base.upload.rssBeforeMb), targets: [{ max: 200, on: 'base' }] });
    }
  }
  if (base.archive) {
    figs.push({ section: 'archive', name: `one day (${base.archive.files / 2} PDFs + ${base.archive.files / 2} cards), time`, unit: 's', values: firstOnly(base.archive.seconds), targets: [{ max: 60, on: 'base' }] });
    figs.push({ section: 'archive', name: 'one day, RSS rise', unit: 'MB', values: firstOnly(base.archive.rssPeakMb - base.archive.rssBeforeMb), targets: [{ max: 300, on: 'base' }] });
  }
  if (suites.has('api')) {
    const floorLabel = `floor: ${HEALTH_PATH} (no auth, no database)`;
    figs.push({ section: floorLabel, name: 'p50', unit: 'ms', values: per((r) => r.health?.p50) });
    figs.push({ section: floorLabel, name: 'p95', unit: 'ms', values: per((r) => r.health?.p95) });
    figs.push({ section: floorLabel, name: `req/s at ${connections} conn`, unit: '', values: per((r) => r.health?.rps) });
    figs.push({ section: floorLabel, name: 'CPU per request: server', unit: 'ms', values: per((r) => (r.health?.requests ? r.health.cpuMsPerRequest : null)) });
    figs.push({ section: floorLabel, name: 'p50 one request at a time (as the uncached reads are sent)', unit: 'ms', values: per((r) => r.healthSerialP50) });
  }
  for (const e of ENDPOINTS) {
    const label = ENDPOINT_LABEL[e];
    const cached = CACHED.includes(e);
    if (suites.has('api')) {
      figs.push({ section: label, name: 'p50', unit: 'ms', values: per((r) => r.api[e]?.p50) });
      figs.push({ section: label, name: 'p95', unit: 'ms', values: per((r) => r.api[e]?.p95), targets: [{ max: 1.5, on: 'ratio' }] });
      figs.push({ section: label, name: `req/s at ${connections} conn`, unit: '', values: per((r) => r.api[e]?.rps) });
      figs.push({ section: label, name: 'responses in the run (0 = none came back)', unit: '', values: per((r) => r.api[e]?.requests) });
      figs.push({ section: label, name: 'failed requests', unit: '', values: per((r) => r.api[e]?.failed), targets: [{ max: 0, on: 'each' }] });
      figs.push({ section: label, name: 'CPU per request: server', unit: 'ms', values: per((r) => (r.api[e]?.requests ? r.api[e].cpuMsPerRequest : null)) });
      figs.push({ section: label, name: 'CPU per request: PostgreSQL', unit: 'ms', values: per((r) => (r.api[e]?.requests ? r.api[e].postgresCpuMsPerRequest : null)) });
      // Ratios to the framework's floor in the same run: req/s share and p95 multiple.
      const ofFloor = (pick: (l: LoadResult) => number | null) =>
        per((r) => {
          const a = r.api[e] && pick(r.api[e]);
          const f = r.health && pick(r.health);
          return a == null || f == null || f === 0 ? null : a / f;
        });
      figs.push({ section: label, name: 'req/s ÷ floor req/s', unit: '×', values: ofFloor((l) => l.rps), targets: cached ? [{ min: 0.5, on: 'each' }] : undefined });
      figs.push({ section: label, name: 'p95 ÷ floor p95', unit: '×', values: ofFloor((l) => l.p95), targets: cached ? [{ max: 2, on: 'each' }] : undefined });
      figs.push({ section: label, name: 'uncached p50 (first request after a write)', unit: 'ms', values: per((r) => r.uncached[e]?.p50) });
    }
    if (suites.has('sql')) {
      figs.push({ section: label, name: 'floor p50 (in-process)', unit: 'ms', values: per((r) => r.floor[e]?.p50) });
      figs.push({ section: label, name: 'floor p50 after a write (in-process: the campaign read again, then the body)', unit: 'ms', values: per((r) => r.floorAfterWrite[e]?.p50) });
    }
    if (suites.has('api') && suites.has('sql')) {
      figs.push({ section: label, name: 'API p50 / floor p50', unit: '×', values: per((r) => (r.api[e]?.p50 != null && r.floor[e] ? r.api[e].p50 / Math.max(0.01, r.floor[e].p50) : null)) });
      figs.push({
        section: label,
        name: 'uncached p50 ÷ floor p50 (in-process)',
        unit: '×',
        values: per((r) => (r.uncached[e] && r.floor[e] ? r.uncached[e].p50 / Math.max(0.01, r.floor[e].p50) : null)),
        targets: cached ? [{ max: 3, on: 'each' }] : undefined,
      });
      // The same without the framework's own round trip (the floor route, one request at a time),
      // which no work of the app's can remove: what the app adds after a write.
      figs.push({
        section: label,
        name: 'uncached p50 less the floor round trip ÷ floor p50 (in-process)',
        unit: '×',
        values: per((r) => (r.uncached[e] && r.floor[e] && r.healthSerialP50 != null ? Math.max(0, r.uncached[e].p50 - r.healthSerialP50) / Math.max(0.01, r.floor[e].p50) : null)),
      });
      // The same first reads after a write, HTTP against in-process: what the request's path adds
      // (framework, sign-in, stamps, serialisation) over the SQL a read after a write needs.
      figs.push({
        section: label,
        name: 'uncached p50 ÷ floor p50 after a write (in-process)',
        unit: '×',
        values: per((r) => (r.uncached[e] && r.floorAfterWrite[e] ? r.uncached[e].p50 / Math.max(0.01, r.floorAfterWrite[e].p50) : null)),
      });
    }
  }
  if (suites.has('api') && results.some((r) => r.otherWritten)) {
    const label = `${ENDPOINT_LABEL.areas} while kab/kota ${OTHER_KOTA} is written (${OTHER_WRITES_PER_S} writes/s; from 2×)`;
    const other = (pick: (l: LoadResult & { writes: number }) => number | null) => per((r) => (r.otherWritten ? pick(r.otherWritten) : null));
    figs.push({ section: label, name: 'p50', unit: 'ms', values: other((l) => l.p50) });
    figs.push({ section: label, name: 'p95', unit: 'ms', values: other((l) => l.p95) });
    figs.push({ section: label, name: `req/s at ${connections} conn`, unit: '', values: other((l) => l.rps) });
    figs.push({ section: label, name: 'writes of the other kab/kota in the run', unit: '', values: other((l) => l.writes) });
    figs.push({ section: label, name: 'CPU per request: PostgreSQL', unit: 'ms', values: other((l) => (l.requests ? l.postgresCpuMsPerRequest : null)) });
    // Against the same endpoint's load with no writes, in the same run: a write elsewhere should cost this kab/kota's readers nothing.
    figs.push({ section: label, name: 'req/s ÷ req/s with no writes', unit: '×', values: per((r) => (r.otherWritten && r.api.areas?.rps ? r.otherWritten.rps / r.api.areas.rps : null)) });
  }
  if (suites.has('api')) figs.push({ section: 'server', name: 'peak RSS during the read load', unit: 'MB', values: per((r) => r.rssLoadMb), targets: [{ max: 400, on: 'each' }] });
  if (results.some((r) => r.rssHighWaterMb)) figs.push({ section: 'server', name: 'VmHWM over the whole scale (imports too)', unit: 'MB', values: per((r) => r.rssHighWaterMb) });
  for (const b of base.bundles ?? []) {
    const route = ROUTES.find((r) => r.route === b.route)!;
    figs.push({ section: 'first-load JS', name: route.label, unit: 'KB gz', values: firstOnly(b.gzipKb), targets: route.route === '/wilayah/6471' ? [{ max: 220, on: 'base' }] : undefined });
  }
  if (base.browser) {
    const { loopback: l, slow3g: s } = base.browser;
    figs.push({ section: 'dashboard in Chromium', name: 'LCP, loopback', unit: 'ms', values: firstOnly(l.lcpMs), targets: [{ max: 1500, on: 'base' }] });
    figs.push({ section: 'dashboard in Chromium', name: 'transfer, loopback', unit: 'KB', values: firstOnly(l.transferKb) });
    figs.push({ section: 'dashboard in Chromium', name: `LCP, slow 3G (${SLOW_3G.latencyMs} ms, ${SLOW_3G.downKbit}/${SLOW_3G.upKbit} kbit/s)`, unit: 'ms', values: firstOnly(s.lcpMs) });
    figs.push({ section: 'dashboard in Chromium', name: 'transfer, slow 3G', unit: 'KB', values: firstOnly(s.transferKb) });
  }
  return figs;
}

async function main(): Promise<number> {
  const t0 = performance.now();
  const startedAt = new Date();
  if ([...suites].some((s) => SERVED.includes(s))) {
    const build = spawnSync('node', ['scripts/ensure-build.mjs'], { stdio: 'inherit' });
    if (build.status !== 0) return build.status ?? 1;
  }
  const machine = await machineInfo();
  console.log(`Pantau benchmarks — ${startedAt.toISOString()} — scales ${scales.join(', ')}; suites ${[...suites].join(', ')}`);
  console.log(`load average at start ${machine.loadAvgStart.map((l) => l.toFixed(2)).join(' ')} on ${machine.cores} cores`);
  const results: ScaleRun[] = [];
  const notes: string[] = [];
  for (const [i, scale] of scales.entries()) {
    try {
      results.push(await runScale(scale, i === 0));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`[${scale}×] failed: ${message}`);
      notes.push(`scale ${scale}×: ${message}`);
    }
  }
  if (!results.length) return 1;
  machine.loadAvgEnd = loadavg();
  const report: BenchResults = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    durationS: (performance.now() - t0) / 1000,
    scales: results.map((r) => r.scale),
    suites: [...suites],
    machine,
    settings: { connections, durationS: seconds },
    figures: figuresOf(results),
    notes,
  };
  console.log(`\nPantau benchmarks, ${report.finishedAt} (${Math.round(report.durationS)} s); load average start ${machine.loadAvgStart.map((l) => l.toFixed(2)).join(' ')}, end ${machine.loadAvgEnd.map((l) => l.toFixed(2)).join(' ')}\n`);
  console.log(renderTable(report));
  const { met, missed } = summaryOf(report);
  console.log(`\ntargets met ${met.length}, missed ${missed.length}${missed.length ? `:\n  ${missed.join('\n  ')}` : ''}`);
  mkdirSync('bench-results', { recursive: true });
  const file = `bench-results/${report.startedAt.replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, JSON.stringify({ ...report, raw: results }, null, 2));
  console.log(`results: ${file}`);
  const growthPoint = !report.scales.includes(1);
  if (!opts['no-docs'] && (full || growthPoint)) {
    const docPath = 'docs/PERFORMANCE.md';
    const existing = existsSync(docPath) ? readFileSync(docPath, 'utf8') : null;
    const method = METHOD.replace('{connections}', String(connections)).replace('{duration}', String(seconds)).replace('{runs}', String(runs));
    writeFileSync(docPath, renderPerformanceDoc(report, existing, method));
    console.log(`${docPath} ${growthPoint ? 'growth block' : ''} updated`);
  }
  return notes.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
