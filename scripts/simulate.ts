// npm run simulate -- --speed N: continues the demo from its latest report date to the end of
// fieldwork, posting each PPL's evening report through POST /api/v1/reports as the PPL would.
// --speed is a multiple of real time within the reporting hours (nights are skipped); the
// server's pace caps it. See --help.
import { parseArgs } from 'node:util';
import { DEMO_PASSWORD } from '@/lib/auth/demo-users';
import { addDays } from '@/lib/domain/dates';
import { liveDay, planLive, type LivePpl } from '@/lib/demo/live';
import { Rng } from '@/lib/demo/prng';
import type { DailyReport } from '@/lib/domain/types';

const { values } = parseArgs({
  options: {
    speed: { type: 'string', default: '3600' },
    'base-url': { type: 'string', default: process.env.PANTAU_URL ?? 'http://127.0.0.1:3000' },
    token: { type: 'string', default: process.env.PANTAU_TOKEN },
    username: { type: 'string', default: process.env.PANTAU_USER },
    password: { type: 'string', default: process.env.PANTAU_PASSWORD },
    'as-ppl': { type: 'boolean', default: false },
    from: { type: 'string' },
    to: { type: 'string' },
    seed: { type: 'string', default: '2022' },
    concurrency: { type: 'string', default: '4' },
    help: { type: 'boolean', default: false },
  },
});

const HELP = `usage: npm run simulate -- [--speed 3600] [--base-url http://127.0.0.1:3000]
  [--token T | --username U --password P] [--as-ppl] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--seed N] [--concurrency 4]
Signs in with --username/--password (the demo's admin: --username admin), or uses an API --token.
--as-ppl signs in as each PPL (ppl-<code>, --password or the demo password) so reports are submitted by the PPL themselves.`;

const base = values['base-url']!.replace(/\/$/, '');
const speed = Number(values.speed);
const tokens = new Map<string, string>();

/** A session token (POST /api/v1/session answers one besides the cookie): sent as a Bearer token. */
async function signIn(username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`signing in as ${username} failed: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

async function headersFor(ppl?: string): Promise<Record<string, string>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'accept-language': 'en' };
  // Without credentials, the demo's admin (demo mode seeds it with the demo password).
  const user = ppl && values['as-ppl'] ? `ppl-${ppl}` : (values.username ?? (values.token ? undefined : 'admin'));
  if (user) {
    if (!tokens.has(user)) tokens.set(user, await signIn(user, values.password ?? DEMO_PASSWORD));
    headers.authorization = `Bearer ${tokens.get(user)}`;
  } else if (values.token) headers.authorization = `Bearer ${values.token}`;
  return headers;
}

interface Assignments {
  asOf: string;
  window: { endDate: string; lastReportDate: string };
  items: { kodeSubsls: string; kodePetugas: string; prelist: number; last: (DailyReport & { tanggal: string }) | null }[];
}

async function loadState(): Promise<Assignments> {
  const res = await fetch(`${base}/api/v1/assignments`, { headers: await headersFor() });
  if (!res.ok) throw new Error(`GET /api/v1/assignments answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as Assignments;
}

interface Event {
  day: number;
  second: number;
  ppl: string;
  reports: DailyReport[];
}

function planEvents(ppl: LivePpl[], dates: string[], rng: Rng): Event[] {
  const events: Event[] = [];
  dates.forEach((date, day) => {
    for (const p of ppl) {
      const out = liveDay(p, date, rng);
      if (out) events.push({ day, second: out.second, ppl: p.code, reports: out.reports });
    }
  });
  return events.sort((a, b) => a.day - b.day || a.second - b.second);
}

const stats = { requests: 0, accepted: 0, replaced: 0, unchanged: 0, rejected: 0, failed: 0 };

async function post(event: Event): Promise<void> {
  const res = await fetch(`${base}/api/v1/reports?source=simulator`, { method: 'POST', headers: await headersFor(event.ppl), body: JSON.stringify(event.reports) });
  stats.requests++;
  if (!res.ok) {
    stats.failed++;
    console.error(`${event.ppl}: ${res.status} ${await res.text()}`);
    return;
  }
  const body = (await res.json()) as { accepted: number; replaced: number; unchanged: number; rejected: number; rejections: { reason: string }[] };
  stats.accepted += body.accepted;
  stats.replaced += body.replaced;
  stats.unchanged += body.unchanged;
  stats.rejected += body.rejected;
  for (const r of body.rejections.slice(0, 3)) console.error(`${event.ppl}: rejected: ${r.reason}`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Replays the events at `speed` × real time, nights skipped, at most `limit` requests in flight. */
async function replay(events: Event[], dates: string[], limit: number): Promise<void> {
  const started = Date.now();
  const inFlight = new Set<Promise<void>>();
  let clock = 0; // simulated seconds of reporting time elapsed
  let lastDay = -1;
  let prev = 16 * 3600;
  for (const e of events) {
    if (e.day !== lastDay) {
      await Promise.all(inFlight);
      if (lastDay >= 0) console.log(`${dates[lastDay]} done: ${JSON.stringify(stats)} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
      lastDay = e.day;
      prev = 16 * 3600;
    }
    clock += Math.max(0, e.second - prev);
    prev = e.second;
    const due = started + (clock / speed) * 1000;
    if (due > Date.now()) await sleep(due - Date.now());
    while (inFlight.size >= limit) await Promise.race(inFlight);
    const p = post(e).finally(() => inFlight.delete(p));
    inFlight.add(p);
  }
  await Promise.all(inFlight);
  if (lastDay >= 0) console.log(`${dates[lastDay]} done: ${JSON.stringify(stats)} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

async function main(): Promise<number> {
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (!(speed > 0)) throw new Error('--speed must be a positive number');
  const state = await loadState();
  const from = values.from ?? addDays(state.asOf, 1);
  const to = values.to ?? state.window.endDate;
  const dates: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) dates.push(d);
  if (dates.length === 0) {
    console.log(`nothing to simulate: the data already runs to ${state.asOf}`);
    return 0;
  }
  const items = state.items.map((i) => ({
    kodeSubsls: i.kodeSubsls,
    kodePetugas: i.kodePetugas,
    prelist: i.prelist,
    counts: {
      selesai: i.last?.selesai ?? 0,
      menolak: i.last?.menolak ?? 0,
      tidakDitemui: i.last?.tidakDitemui ?? 0,
      tidakDitemukan: i.last?.tidakDitemukan ?? 0,
      keluargaBaru: i.last?.keluargaBaru ?? 0,
    },
    lastReport: i.last?.tanggal ?? null,
  }));
  const ppl = planLive(items, from, new Rng(Number(values.seed)));
  const events = planEvents(ppl, dates, new Rng(Number(values.seed) + 1));
  console.log(`simulating ${dates[0]} … ${dates.at(-1)}: ${ppl.length} PPL (${ppl.filter((p) => p.silent).length} silent), ${events.length} submissions, speed ${speed}× against ${base}`);
  await replay(events, dates, Math.max(1, Number(values.concurrency)));
  return stats.failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
