// Day-by-day field simulation of one demo city. Each PPL works through their sub-SLS in order;
// each day they work they report one cumulative row for every sub-SLS whose counts changed.
import type { CityLayout } from './areas';
import type { CityStaff } from './officers';
import { type Behaviour, planBehaviour } from './behaviour';
import type { Rng } from './prng';

/** One current report, before versions and timestamps are attached. */
export interface RawRow {
  day: number; // index into the report dates
  sub: number; // index into CityLayout.subsls
  ppl: number; // index into CityStaff.ppl
  s: number; // selesai
  r: number; // menolak
  t: number; // tidak ditemui
  x: number; // tidak ditemukan
  b: number; // keluarga baru
}

// Outcome of a first visit to a prelist family (menolak: the kelurahan's refusal rate; the rest: selesai).
const P_GONE = 0.015; // tidak ditemukan
const P_AWAY = 0.13; // tidak ditemui, revisited later
// Each working day, a pending family is revisited with these chances.
const P_AWAY_RESOLVED = 0.25; // → selesai 89 %, menolak 4 %, tidak ditemukan 7 %
const P_REFUSAL_CONVERTED = 0.04; // → selesai

class CityState {
  readonly s: Int32Array;
  readonly r: Int32Array;
  readonly t: Int32Array;
  readonly x: Int32Array;
  readonly b: Int32Array;
  readonly visited: Int32Array; // prelist families visited at least once
  readonly touched: Int32Array; // last day a sub-SLS changed (-1 never)
  constructor(n: number) {
    [this.s, this.r, this.t, this.x, this.b, this.visited] = Array.from({ length: 6 }, () => new Int32Array(n));
    this.touched = new Int32Array(n).fill(-1);
  }
}

/** One family's first contact; a keluarga baru cannot be "tidak ditemukan". */
function firstOutcome(st: CityState, sub: number, refuse: number, isNew: boolean, rng: Rng): void {
  const u = rng.float();
  const gone = isNew ? 0 : P_GONE;
  if (u < gone) st.x[sub]++;
  else if (u < gone + refuse) st.r[sub]++;
  else if (u < gone + refuse + P_AWAY) st.t[sub]++;
  else st.s[sub]++;
}

function firstVisits(st: CityState, subs: readonly number[], prelist: readonly number[], b: Behaviour, day: number, capacity: number, rng: Rng): void {
  let cap = capacity;
  while (cap > 0 && b.cursor < subs.length) {
    const sub = subs[b.cursor];
    const take = Math.min(cap, prelist[sub] - st.visited[sub]);
    for (let i = 0; i < take; i++) {
      firstOutcome(st, sub, b.refusal, false, rng);
      if (rng.chance(b.newFamilyRate)) {
        st.b[sub]++;
        firstOutcome(st, sub, b.refusal, true, rng);
      }
    }
    st.visited[sub] += take;
    cap -= take;
    if (take > 0) st.touched[sub] = day;
    if (st.visited[sub] >= prelist[sub]) b.cursor++;
  }
}

/** Revisits in the sub-SLS already started: families not met and refusals may resolve. */
function revisits(st: CityState, subs: readonly number[], b: Behaviour, day: number, rng: Rng): void {
  const last = Math.min(b.cursor, subs.length - 1);
  for (let i = 0; i <= last; i++) {
    const sub = subs[i];
    const met = rng.binomial(st.t[sub], P_AWAY_RESOLVED);
    const converted = rng.binomial(st.r[sub], P_REFUSAL_CONVERTED);
    if (met === 0 && converted === 0) continue;
    st.t[sub] -= met;
    st.r[sub] -= converted;
    st.s[sub] += converted;
    for (let k = 0; k < met; k++) {
      const u = rng.float();
      if (u < 0.89) st.s[sub]++;
      else if (u < 0.93) st.r[sub]++;
      else st.x[sub]++;
    }
    st.touched[sub] = day;
  }
}

function emitRows(st: CityState, subs: readonly number[], ppl: number, day: number, rows: RawRow[]): void {
  for (const sub of subs) {
    if (st.touched[sub] !== day) continue;
    rows.push({ day, sub, ppl, s: st.s[sub], r: st.r[sub], t: st.t[sub], x: st.x[sub], b: st.b[sub] });
  }
}

/**
 * Simulates the city over `dates` (fieldwork start .. today). Returns the current report rows in
 * chronological order (day, then PPL) and the kelurahan made deliberately slow.
 */
export function simulateCity(layout: CityLayout, staff: CityStaff, dates: readonly string[], rng: Rng): { rows: RawRow[]; slowKelurahan: number[] } {
  const st = new CityState(layout.subsls.length);
  const prelist = layout.subsls.map((u) => u.prelist);
  const plan = planBehaviour(layout, staff, dates, rng.fork(1));
  const work = rng.fork(2);
  const rows: RawRow[] = [];
  for (let day = 0; day < dates.length; day++) {
    staff.ppl.forEach((p, i) => {
      const b = plan.behaviour[i];
      const capacity = plan.capacity(b, day, work);
      if (capacity === null) return;
      revisits(st, p.subs, b, day, work);
      firstVisits(st, p.subs, prelist, b, day, capacity, work);
      emitRows(st, p.subs, i, day, rows);
    });
  }
  return { rows, slowKelurahan: plan.slowKelurahan };
}
