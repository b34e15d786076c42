// Turns simulated rows into submitted report versions: evening timestamps (WITA), ~1 % same-day
// replacements (a wrong first version, then the current one), ~0.5 % of the day's recaps entered
// by the PML acting for the PPL, and one or two deliberate downward corrections.
import type { DemoReportVersion } from './types';
import type { CityLayout } from './areas';
import type { CityStaff } from './officers';
import type { RawRow } from './simulate';
import { witaTimestamp } from './calendar';
import type { Rng } from './prng';

const REPLACEMENT_SHARE = 0.01;
const PML_ACTING_SHARE = 0.005;
const EARLIEST = 16 * 3600;
const LATEST_FIRST = 21 * 3600 + 30 * 60; // a day's recap starts by 21:30 …
const LATEST = 23 * 3600 - 1; // … and every version is in before 23:00

/** A version with its sort key: seconds since the first report date, then city, then sequence. */
export interface Stamped {
  key: number;
  city: number;
  seq: number;
  report: DemoReportVersion;
}

type Counts = Pick<RawRow, 's' | 'r' | 't' | 'x' | 'b'>;

/**
 * One or two rows get an over-count (a typo) on one day, corrected the next day: the next day's
 * cumulative selesai is then lower than the day before. Mutates `rows`; returns how many.
 */
export function addDownwardCorrections(rows: RawRow[], prelist: readonly number[], rng: Rng): number {
  const next = new Map<number, number>(); // row index → index of the same sub-SLS's next row
  const lastBySub = new Map<number, number>();
  rows.forEach((row, i) => {
    const prev = lastBySub.get(row.sub);
    if (prev !== undefined) next.set(prev, i);
    lastBySub.set(row.sub, i);
  });
  const wanted = rng.int(1, 2);
  let done = 0;
  for (const i of rng.shuffle([...next.keys()])) {
    const a = rows[i];
    const b = rows[next.get(i) as number];
    const k = b.s - a.s + rng.int(3, 12);
    const room = prelist[a.sub] + a.b - (a.s + a.r + a.t + a.x);
    if (b.day !== a.day + 1 || a.day < 3 || k > room) continue;
    a.s += k;
    if (++done === wanted) break;
  }
  return done;
}

/** Values of a first version that the PPL replaced the same evening (still valid counts). */
function wrongValues(row: RawRow, prevS: number, rng: Rng): Counts {
  const options: (() => Counts)[] = [() => ({ ...row, b: row.b + 1 })];
  if (row.s - prevS >= 2) options.push(() => ({ ...row, s: row.s - rng.int(1, Math.min(5, row.s - prevS)) }));
  if (row.t > 0) options.push(() => ({ ...row, t: row.t - 1, r: row.r + 1 }));
  return rng.pick(options)();
}

interface CityCtx {
  city: number;
  layout: CityLayout;
  staff: CityStaff;
  dates: readonly string[];
  out: Stamped[];
}

function push(ctx: CityCtx, row: RawRow, c: Counts, by: string, second: number): void {
  const date = ctx.dates[row.day];
  // A sub-SLS handed over to the neighbouring kelurahan's PPL is reported by them (or their PML).
  const walker = ctx.staff.ppl[row.ppl];
  const holder = ctx.staff.ppl[ctx.staff.handedOver.get(row.sub) ?? row.ppl];
  const submittedBy = holder === walker ? by : by === walker.code ? holder.code : holder.supervisorCode;
  const report: DemoReportVersion = {
    tanggal: date,
    kodeSubsls: ctx.layout.subsls[row.sub].code,
    kodePetugas: holder.code,
    selesai: c.s,
    menolak: c.r,
    tidakDitemui: c.t,
    tidakDitemukan: c.x,
    keluargaBaru: c.b,
    kodeKota: ctx.layout.spec.kodeKota,
    submittedBy,
    submittedAt: witaTimestamp(date, second),
  };
  ctx.out.push({ key: row.day * 86_400 + second, city: ctx.city, seq: ctx.out.length, report });
}

/** All versions of one city's rows (rows in day, PPL order, as simulateCity returns them). */
export function cityVersions(ctx: Omit<CityCtx, 'out'>, rows: readonly RawRow[], rng: Rng): Stamped[] {
  const c: CityCtx = { ...ctx, out: [] };
  const habit = ctx.staff.ppl.map(() => rng.uniform(17 * 3600, 21 * 3600)); // usual reporting time
  const prevS = new Int32Array(ctx.layout.subsls.length);
  let second = 0;
  let by = '';
  rows.forEach((row, i) => {
    const first = i === 0 || rows[i - 1].day !== row.day || rows[i - 1].ppl !== row.ppl;
    if (first) {
      const ppl = ctx.staff.ppl[row.ppl];
      second = Math.round(Math.min(LATEST_FIRST, Math.max(EARLIEST, habit[row.ppl] + 2400 * rng.normal())));
      by = rng.chance(PML_ACTING_SHARE) ? ppl.supervisorCode : ppl.code;
    } else second = Math.min(LATEST, second + rng.int(10, 40));
    if (rng.chance(REPLACEMENT_SHARE)) {
      push(c, row, wrongValues(row, prevS[row.sub], rng), by, second);
      second = Math.min(LATEST, second + rng.int(300, 3000));
    }
    push(c, row, row, by, second);
    prevS[row.sub] = row.s;
  });
  return c.out;
}
