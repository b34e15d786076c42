// Crashes (issue #10, part 2): the server killed with SIGKILL in the middle of a 50,000-row
// import, and PostgreSQL stopped (immediate mode) and restarted under a running import. After
// each, the import is entirely applied or entirely absent, its record says which (an
// interrupted job is not left 'running'), the rollups equal a recomputation, and the server
// answers again. The PostgreSQL case runs on a private cluster made for the test, never on
// the shared one.
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows, type Db } from '@/lib/db/client';
import { ensureBuild, provisionDatabase, seedDatabase, serveApp, serverEnv, type ServedApp } from '../integration/app-server';
import { freePort } from '../support/net';
import { bearerFor, runDbCheck, sleep } from './support';

const ROWS = 50_000;
const NOTE = 'uji-crash';
const pg = process.env.TEST_DATABASE_URL;

/** 50,000 distinct (sub-SLS, date) reports, each assigned to its PPL, all valid and all new values. */
async function bigCsv(db: Db): Promise<string> {
  const subsls = await queryRows<{ code: string; ppl: string }>(
    db,
    sql`select s.kode_subsls as code, s.kode_petugas as ppl from assignment s where s.kode_kota = '6471' order by 1`,
  );
  const [campaign] = await queryRows<{ start: string; days: number }>(
    db,
    sql`select start_date::text as start, (end_date + grace_days - start_date + 1)::int as days from campaign where kode_kota = '6471'`,
  );
  const days = Math.ceil(ROWS / subsls.length);
  expect(days).toBeLessThanOrEqual(campaign.days);
  const lines = ['tanggal,kode_subsls,kode_petugas,selesai,menolak,tidak_ditemui,tidak_ditemukan,keluarga_baru,catatan'];
  for (let d = 0; d < days && lines.length <= ROWS; d++) {
    const tanggal = new Date(Date.parse(campaign.start) + d * 86_400_000).toISOString().slice(0, 10);
    for (const s of subsls) {
      if (lines.length > ROWS) break;
      lines.push(`${tanggal},${s.code},${s.ppl},${d},0,0,0,0,${NOTE}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** Posts the file as the admin; the promise settles with the answer, or the error when the server dies. */
function upload(app: ServedApp, auth: Record<string, string>, csv: string, filename: string) {
  const form = new FormData();
  form.append('kind', 'reports');
  form.append('file', new Blob([csv], { type: 'text/csv' }), filename);
  return fetch(`${app.baseUrl}/api/v1/imports`, { method: 'POST', headers: auth, body: form }).then(
    async (r) => ({ status: r.status, body: (await r.text()).slice(0, 500) }),
    (error: unknown) => ({ status: 0, body: `${String(error)} (${String((error as { cause?: unknown }).cause)})` }),
  );
}

/**
 * Waits until the import of `filename` is writing rows: its process holds an advisory lock (the
 * kab/kota's write lock, taken first in the write transaction and held to its commit) and its
 * connection's latest statement inserts into report / report_history or writes area_series. The
 * transaction has begun and not committed: the middle of the import. Fails if it finished first.
 */
async function whileWriting(db: Db, filename: string) {
  for (const until = Date.now() + 180_000; Date.now() < until; await sleep(25)) {
    const [job] = await queryRows<{ id: number; status: string; worker: string; doing: string | null }>(
      db,
      sql`select j.id::int as id, j.status, j.worker, (select left(a.query, 40) from pg_stat_activity a join pg_locks l on l.pid = a.pid
        where a.application_name = j.worker and l.locktype = 'advisory' and l.granted
          and (a.query ilike 'insert into "report%' or a.query ilike '%area_series%') limit 1) as doing
      from import_job j where j.filename = ${filename}`,
    );
    if (job && job.status !== 'running') throw new Error(`the import finished (${job.status}) before it could be interrupted`);
    if (job?.doing) return job;
  }
  throw new Error('the import never started writing');
}

/** What the database holds of the import: its record and its rows. */
async function outcome(db: Db, id: number) {
  const [job] = await queryRows<{ status: string; accepted: number; replaced: number; message: string | null }>(
    db,
    sql`select status, accepted, replaced, message from import_job where id = ${id}`,
  );
  const [rows] = await queryRows<{ current: number; history: number }>(
    db,
    sql`select (select count(*)::int from report where import_id = ${id}) as current,
      (select count(*)::int from report_history where import_id = ${id}) as history`,
  );
  return { job, ...rows };
}

/** GET /api/v1/imports/{id} until its status is no longer 'running' (the job is settled on read). */
async function settledJob(app: ServedApp, auth: Record<string, string>, id: number, language = 'id') {
  for (const until = Date.now() + 60_000; Date.now() < until; await sleep(500)) {
    const response = await fetch(`${app.baseUrl}/api/v1/imports/${id}`, { headers: { ...auth, 'accept-language': language } });
    if (response.status === 200) {
      const job = (await response.json()) as { status: string; message: string | null };
      if (job.status !== 'running') return job;
    }
  }
  throw new Error(`import ${id} stayed 'running'`);
}

/** All-or-nothing: either every row is stored and the record says applied, or none is and it says failed. */
function expectAllOrNothing(o: Awaited<ReturnType<typeof outcome>>) {
  if (o.job.status === 'applied') {
    expect(o.job.accepted + o.job.replaced).toBe(ROWS);
    expect(o.current).toBe(ROWS);
    expect(o.history).toBe(ROWS);
  } else {
    expect(o.job.status).toBe('failed');
    expect(o.current).toBe(0);
    expect(o.history).toBe(0);
  }
}

const INTERRUPTED_ID = /^Impor terhenti sebelum selesai .*tidak ada baris yang disimpan/;
const INTERRUPTED_EN = /^The import stopped before it finished .*no row was stored/;

describe.skipIf(!pg)('crash: the server killed with SIGKILL in the middle of a 50,000-row import', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c();
  });

  it('leaves the import entirely absent and recorded as interrupted, rollups exact, server back', async () => {
    await ensureBuild();
    const database = await provisionDatabase(pg);
    cleanup.push(database.drop);
    const env = serverEnv(database.env);
    seedDatabase(env, 1);
    const direct = await openDatabase({ url: database.env.DATABASE_URL, max: 2 });
    cleanup.push(() => direct.close());
    const csv = await bigCsv(direct.db);

    const first = await serveApp(env);
    cleanup.push(() => first.stop());
    const posted = upload(first, await bearerFor(first.baseUrl, 'admin'), csv, 'crash-50k.csv');
    const started = performance.now();
    const job = await whileWriting(direct.db, 'crash-50k.csv');
    const killedAfter = (performance.now() - started) / 1000;
    const exited = new Promise((r) => first.process.once('exit', r));
    first.process.kill('SIGKILL');
    await exited;
    const answer = await posted;
    expect(answer.status).toBe(0); // the connection died with the server: no answer at all
    const right = await outcome(direct.db, job.id);
    expect(right.job.status).toBe('running'); // nobody has looked yet

    const restarted = await serveApp(env);
    cleanup.push(() => restarted.stop());
    const recovered = performance.now();
    const auth = await bearerFor(restarted.baseUrl, 'admin');
    const seen = await settledJob(restarted, auth, job.id);
    const settledAfter = (performance.now() - recovered) / 1000;
    const after = await outcome(direct.db, job.id);
    expectAllOrNothing(after);
    expect(seen.status).toBe(after.job.status);
    if (after.job.status === 'failed') {
      expect(seen.message).toMatch(INTERRUPTED_ID);
      expect((await settledJob(restarted, auth, job.id, 'en')).message).toMatch(INTERRUPTED_EN);
    }
    expect((await fetch(`${restarted.baseUrl}/api/v1/areas/6471`, { headers: auth })).status).toBe(200);
    const check = await runDbCheck(database.env.DATABASE_URL);
    expect(check.output).toContain('rollups match the raw reports');
    expect(check.status).toBe(0);

    // The same file again after the restart: applied whole.
    const again = await upload(restarted, auth, csv, 'crash-50k-again.csv');
    expect(again.status).toBe(201);
    const [redo] = await queryRows<{ id: number }>(direct.db, sql`select id::int as id from import_job where filename = 'crash-50k-again.csv'`);
    const redone = await outcome(direct.db, redo.id);
    expect(redone.job.status).toBe('applied');
    expect(redone.current).toBe(ROWS);
    expect((await runDbCheck(database.env.DATABASE_URL)).status).toBe(0);
    console.log(
      `crash summary (kill -9): killed ${killedAfter.toFixed(1)} s after the upload began, inside the write transaction (its connection: ${job.doing}…); ` +
        `after restart the job read '${after.job.status}' within ${settledAfter.toFixed(1)} s, ${after.current} of ${ROWS} rows stored; ` +
        `db:check clean; the same file re-imported whole (${redone.current} rows)`,
    );
  });
});

/** PostgreSQL 15's server programs, if installed (Debian layout). */
function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0], 'bin') : null;
}

function privateClusterUnavailable(): string | null {
  if (!pg) return 'needs TEST_DATABASE_URL (PostgreSQL tests)';
  if (process.getuid?.() !== 0) return 'making a private PostgreSQL cluster needs root (runuser -u postgres)';
  if (!postgresBin()) return 'no PostgreSQL server programs (initdb) under /usr/lib/postgresql';
  if (spawnSync('runuser', ['-u', 'postgres', '--', 'true']).status !== 0) return 'runuser -u postgres is not available';
  return null;
}

const noCluster = privateClusterUnavailable();

describe.skipIf(noCluster !== null)('crash: PostgreSQL restarted (immediate stop) during an import, on a private cluster', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c();
  });

  it('keeps the import all-or-nothing and the server recovers without a restart', async () => {
    await ensureBuild();
    const bin = postgresBin()!;
    const dir = mkdtempSync(path.join(tmpdir(), 'pantau-pgcrash-'));
    chownSync(dir, Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout), Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout));
    const data = path.join(dir, 'data');
    const asPostgres = (program: string, args: string[]) => {
      const run = spawnSync('runuser', ['-u', 'postgres', '--', path.join(bin, program), ...args], { encoding: 'utf8', cwd: dir });
      if (run.status !== 0) throw new Error(`${program} ${args.join(' ')} failed: ${run.stdout}${run.stderr}`);
    };
    asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
    const port = await freePort();
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on`;
    const start = () => asPostgres('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start']);
    start();
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    cleanup.push(() => asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']));

    const database = await provisionDatabase(`postgres://postgres@127.0.0.1:${port}/postgres`);
    const env = serverEnv(database.env);
    seedDatabase(env, 1);
    const direct = await openDatabase({ url: database.env.DATABASE_URL, max: 2 });
    cleanup.push(() => direct.close().catch(() => {}));
    const csv = await bigCsv(direct.db);
    const app = await serveApp(env);
    cleanup.push(() => app.stop());
    const auth = await bearerFor(app.baseUrl, 'admin');

    const posted = upload(app, auth, csv, 'pg-restart-50k.csv');
    const job = await whileWriting(direct.db, 'pg-restart-50k.csv');
    const stopped = performance.now();
    asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
    const answer = await posted;
    start();
    const downFor = (performance.now() - stopped) / 1000;
    // The import's answer: the database went away under it, said as such, in the request's language.
    expect(answer.status).toBe(503);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'unavailable', message: expect.stringMatching(/^Basis data sedang tidak tersedia/) } });

    // The same server answers again once PostgreSQL is back: its pool reconnects by itself.
    const back = performance.now();
    let status = 0;
    for (const until = Date.now() + 60_000; Date.now() < until && status !== 200; await sleep(250)) {
      status = await fetch(`${app.baseUrl}/api/v1/areas/6471`, { headers: auth }).then(
        (r) => r.status,
        () => 0,
      );
    }
    expect(status).toBe(200);
    const answeringAfter = (performance.now() - back) / 1000;

    const seen = await settledJob(app, auth, job.id);
    // The connection used by the test was cut too: postgres.js reconnects on the next query.
    const after = await outcome(direct.db, job.id);
    expectAllOrNothing(after);
    expect(seen.status).toBe(after.job.status);
    if (after.job.status === 'failed') expect(seen.message).toMatch(INTERRUPTED_ID);

    // A write goes through again, and no connection of the server is stuck in a transaction.
    const [subsls] = await queryRows<{ code: string; ppl: string; tanggal: string }>(
      direct.db,
      sql`select s.kode_subsls as code, s.kode_petugas as ppl, (c.start_date + 3)::text as tanggal from assignment s, campaign c order by 1 limit 1`,
    );
    const batch = await fetch(`${app.baseUrl}/api/v1/reports`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify([{ tanggal: subsls.tanggal, kodeSubsls: subsls.code, kodePetugas: subsls.ppl, selesai: 1, menolak: 0, tidakDitemui: 0, tidakDitemukan: 0, keluargaBaru: 0, catatan: 'setelah restart' }]),
    });
    expect(batch.status).toBe(200);
    const connections = await queryRows<{ state: string; n: number }>(
      direct.db,
      sql`select coalesce(state, '') as state, count(*)::int as n from pg_stat_activity where application_name = ${job.worker} group by 1`,
    );
    expect(connections.filter((c) => c.state.startsWith('idle in transaction') || c.state === 'active')).toEqual([]);
    expect(connections.reduce((n, c) => n + c.n, 0)).toBeLessThanOrEqual(20);
    const check = await runDbCheck(database.env.DATABASE_URL);
    expect(check.output).toContain('rollups match the raw reports');
    expect(check.status).toBe(0);
    await direct.close();
    await app.stop();
    await database.drop();
    console.log(
      `crash summary (PostgreSQL immediate stop + start): down ${downFor.toFixed(1)} s during the import's write transaction (its connection: ${job.doing}…); ` +
        `the upload answered ${answer.status}; the same server answered 200 again ${answeringAfter.toFixed(1)} s after PostgreSQL was back; ` +
        `job '${after.job.status}', ${after.current} of ${ROWS} rows stored; server connections afterwards: ${connections.map((c) => `${c.state} ${c.n}`).join(', ')}; db:check clean`,
    );
  });
});

// Said only when it applies: a placeholder registered always would count as "skipped" in every run.
if (noCluster !== null) {
  describe('crash: PostgreSQL restart', () => {
    it.skip(`skipped: ${noCluster}`, () => {});
  });
}
