// How each PPL of a demo city behaves: speed (log-normal), days off, the few silent and the few
// implausibly fast ones, and the two or three kelurahan that fall clearly behind.
import type { CityLayout } from './areas';
import type { CityStaff } from './officers';
import { dayNumber, weekday } from './calendar';
import type { Rng } from './prng';

const SPEED_MEDIAN = 11.5; // families first visited on a full working day
const SPEED_SIGMA = 0.35;
const SLOW_KELURAHAN_FACTOR = 0.64;
const SILENT_SHARE = 0.04;
/** The first two days went mostly to enumerating officials: few PPL report, a handful each. */
const OFFICIALS_DAYS = 2;
const RAMP = [0.55, 0.75, 0.9]; // the days after that, while routines settle

export interface Behaviour {
  speed: number;
  offProb: number; // chance of not working on a weekday
  lastActiveDay: number; // silent after this day index
  fastFromDay: number; // implausibly fast from this day index (Infinity: never)
  fastRate: number;
  refusal: number; // chance a family first met refuses
  newFamilyRate: number; // keluarga baru found per prelist family visited
  cursor: number; // index into the PPL's sub-SLS of the first one with unvisited families
}

export interface BehaviourPlan {
  behaviour: Behaviour[];
  slowKelurahan: number[];
  /** Families the PPL can first-visit that day; null = no work and no report. */
  capacity: (b: Behaviour, day: number, rng: Rng) => number | null;
}

function basicBehaviour(rng: Rng, slow: boolean, refusal: number): Behaviour {
  return {
    // A slow kelurahan is slow for everyone (access, terrain): less spread than between PPL elsewhere.
    speed: slow ? rng.logNormal(SPEED_MEDIAN * SLOW_KELURAHAN_FACTOR, 0.2) : rng.logNormal(SPEED_MEDIAN, SPEED_SIGMA),
    offProb: rng.uniform(0.02, 0.12),
    lastActiveDay: Infinity,
    fastFromDay: Infinity,
    fastRate: 0,
    refusal,
    newFamilyRate: rng.uniform(0.01, 0.03),
    cursor: 0,
  };
}

function markOutliers(behaviour: Behaviour[], eligibleFast: number[], lastDay: number, rng: Rng): void {
  const fast = rng.sample(eligibleFast, rng.int(3, 5));
  for (const i of fast) {
    behaviour[i].fastFromDay = rng.int(4, 8);
    behaviour[i].fastRate = rng.int(80, 135); // visits: 65–120 families closed a day
  }
  const fastSet = new Set(fast);
  const others = behaviour.map((_, i) => i).filter((i) => !fastSet.has(i));
  for (const i of rng.sample(others, Math.round(SILENT_SHARE * behaviour.length))) {
    behaviour[i].lastActiveDay = lastDay - rng.int(3, 6);
  }
}

function makeCapacity(dates: readonly string[]): BehaviourPlan['capacity'] {
  const sunday = dates.map((d) => weekday(dayNumber(d)) === 0);
  return (b, day, rng) => {
    if (day > b.lastActiveDay) return null;
    if (day < OFFICIALS_DAYS) return rng.chance(0.3) ? rng.int(1, 4) : null;
    if (rng.chance(b.offProb + (sunday[day] ? 0.35 : 0))) return null;
    if (day >= b.fastFromDay) return Math.round(b.fastRate * rng.logNormal(1, 0.12));
    const ramp = RAMP[day - OFFICIALS_DAYS] ?? 1;
    const weekly = sunday[day] ? 0.5 : 1;
    return rng.roundStochastic(b.speed * ramp * weekly * rng.logNormal(1, 0.25));
  };
}

export function planBehaviour(layout: CityLayout, staff: CityStaff, dates: readonly string[], rng: Rng): BehaviourPlan {
  const kelCount = layout.kelurahan.length;
  const slowKelurahan = rng.sample(layout.kelurahan.map((_, i) => i), Math.min(kelCount, rng.int(2, 3))).sort((a, b) => a - b);
  const slow = new Set(slowKelurahan);
  const refusalByKel = layout.kelurahan.map(() => Math.min(0.08, 0.028 * rng.logNormal(1, 0.35)));
  const behaviour = staff.ppl.map((p) => basicBehaviour(rng, slow.has(p.kel), refusalByKel[p.kel]));
  const load = staff.ppl.map((p) => p.subs.reduce((a, s) => a + layout.subsls[s].prelist, 0));
  const eligibleFast = staff.ppl.map((p, i) => (slow.has(p.kel) || load[i] < 250 ? -1 : i)).filter((i) => i >= 0);
  markOutliers(behaviour, eligibleFast, dates.length - 1, rng);
  return { behaviour, slowKelurahan, capacity: makeCapacity(dates) };
}
