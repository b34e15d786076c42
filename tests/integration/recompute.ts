// An independent recomputation of every figure the area API answers, from raw report rows and
// the sub-SLS prelists, written from DESIGN.md without importing lib/domain or lib/queries: if the
// rollups, the queries or the metric code drift, the two disagree.

export interface RawReport {
  kode_subsls: string;
  tanggal: string;
  selesai: number;
  menolak: number;
  tidak_ditemui: number;
  tidak_ditemukan: number;
  keluarga_baru: number;
}

export interface RawArea {
  code: string;
  level: string;
  parent_code: string | null;
  prelist: number;
}

export interface RawWindow {
  startDate: string;
  endDate: string;
  graceDays: number;
}

const DAY = 86_400_000;
const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);
const plus = (d: string, n: number) => new Date(ms(d) + n * DAY).toISOString().slice(0, 10);
const between = (a: string, b: string) => Math.round((ms(b) - ms(a)) / DAY);

interface Sums {
  prelist: number;
  keluargaBaru: number;
  selesai: number;
  menolak: number;
  tidakDitemui: number;
  tidakDitemukan: number;
}

/** Linear-interpolated percentile, as numpy's default. */
function quantile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  return s[Math.floor(h)] + (h - Math.floor(h)) * (s[Math.ceil(h)] - s[Math.floor(h)]);
}

export class Recomputation {
  private readonly leaves: RawArea[];
  private readonly history = new Map<string, RawReport[]>();
  private readonly memo = new Map<string, Sums>();

  /**
   * @param holders the PPL holding each sub-SLS: SLS and sub-SLS are judged against their PPL's
   *   plan (DESIGN.md, Metrics); without it, against their own forecast.
   */
  constructor(
    private readonly areas: RawArea[],
    reports: RawReport[],
    private readonly window: RawWindow,
    private readonly holders: ReadonlyMap<string, string> = new Map(),
  ) {
    this.leaves = areas.filter((a) => a.level === 'subsls');
    for (const r of reports) {
      const list = this.history.get(r.kode_subsls) ?? [];
      list.push(r);
      this.history.set(r.kode_subsls, list);
    }
    for (const list of this.history.values()) list.sort((a, b) => (a.tanggal < b.tanggal ? -1 : 1));
  }

  /** Σ over the area's sub-SLS of their latest report dated ≤ date (zero before the first). */
  sums(code: string, date: string): Sums {
    const hit = this.memo.get(`${code}|${date}`);
    if (hit) return { ...hit };
    const total: Sums = { prelist: 0, keluargaBaru: 0, selesai: 0, menolak: 0, tidakDitemui: 0, tidakDitemukan: 0 };
    for (const leaf of this.leaves) {
      if (!leaf.code.startsWith(code)) continue;
      total.prelist += leaf.prelist;
      const latest = (this.history.get(leaf.code) ?? []).filter((r) => r.tanggal <= date).at(-1);
      if (!latest) continue;
      total.keluargaBaru += latest.keluarga_baru;
      total.selesai += latest.selesai;
      total.menolak += latest.menolak;
      total.tidakDitemui += latest.tidak_ditemui;
      total.tidakDitemukan += latest.tidak_ditemukan;
    }
    this.memo.set(`${code}|${date}`, total);
    return { ...total };
  }

  private closed(code: string, date: string): number {
    if (date < this.window.startDate) return 0;
    const s = this.sums(code, date);
    return s.selesai + s.tidakDitemukan;
  }

  private paceOn(code: string, date: string): number {
    return this.closed(code, date) - this.closed(code, plus(date, -1));
  }

  /** The daily paces of the n days up to date, none before the window's first day. */
  private lastPaces(code: string, date: string, n: number): number[] {
    const out: number[] = [];
    for (let i = n - 1; i >= 0; i--) {
      const d = plus(date, -i);
      if (d >= this.window.startDate) out.push(this.paceOn(code, d));
    }
    return out;
  }

  /** No finish when the pace is not positive or the finish lies more than ten years (3650 days) out. */
  private finishAt(asOf: string, remaining: number, pace: number): string | null {
    if (remaining <= 0) return asOf;
    const days = pace > 0 ? Math.ceil(remaining / pace) : Infinity;
    return days <= 3650 ? plus(asOf, days) : null;
  }

  /**
   * The latest complete day (DESIGN.md, complete days): the latest date up to the latest report on
   * which at least `threshold` of the PPL holding a sub-SLS unfinished at the end of the day before
   * reported; with nobody ever expected, the latest report date.
   */
  completeThrough(threshold = 0.8): string | null {
    const dates = [...this.history.values()].flat().map((r) => r.tanggal).sort();
    const last = dates.at(-1);
    if (last === undefined || last < this.window.startDate) return null;
    const end = plus(this.window.endDate, this.window.graceDays);
    let latest: string | null = null;
    let anyExpected = false;
    for (let d = this.window.startDate; d <= last && d <= end; d = plus(d, 1)) {
      const expected = new Set<string>();
      for (const leaf of this.leaves) {
        const holder = this.holders.get(leaf.code);
        if (holder === undefined) continue;
        const before = plus(d, -1);
        const unfinished = before < this.window.startDate ? leaf.prelist > 0 : this.closed(leaf.code, before) < leaf.prelist + this.sums(leaf.code, before).keluargaBaru;
        if (unfinished) expected.add(holder);
      }
      const reported = new Set<string>();
      for (const [leaf, list] of this.history) {
        if (!this.holders.has(leaf)) continue;
        for (const r of list) if (r.tanggal === d) reported.add((r as RawReport & { kode_petugas?: string }).kode_petugas ?? this.holders.get(leaf)!);
      }
      const count = [...expected].filter((p) => reported.has(p)).length;
      if (expected.size > 0) anyExpected = true;
      if (expected.size > 0 && count / expected.size >= threshold) latest = d;
    }
    return anyExpected ? latest : last < end ? last : end;
  }

  /** The first report date of any sub-SLS under `code`, or null. */
  private firstReport(code: string): string | null {
    let first: string | null = null;
    for (const [leaf, list] of this.history) if (leaf.startsWith(code) && list.length && (first === null || list[0].tanggal < first)) first = list[0].tanggal;
    return first;
  }

  /** Closed summed over a set of sub-SLS (a PPL's work). */
  private closedOfLeaves(leaves: string[], date: string): number {
    return leaves.reduce((sum, leaf) => sum + this.closed(leaf, date), 0);
  }

  /** The forecast of a closed series given as a function: pace7 on `day`, the finish, the pace needed. */
  private schedule(closedOn: (d: string) => number, day: string, remaining: number) {
    const paceOn = (d: string) => (d < this.window.startDate ? 0 : closedOn(d) - (plus(d, -1) < this.window.startDate ? 0 : closedOn(plus(d, -1))));
    const paces = (n: number) => Array.from({ length: n }, (_, i) => plus(day, i - n + 1)).filter((d) => d >= this.window.startDate).map(paceOn);
    const p7 = paces(7);
    const pace7 = p7.length ? p7.reduce((a, b) => a + b, 0) / p7.length : 0;
    const left = Math.max(0, between(day, this.window.endDate));
    return { pace7, band: paces(14), projectedFinish: this.finishAt(day, remaining, pace7), requiredPace: left > 0 ? Math.max(0, remaining) / left : null };
  }

  /** The plan of the PPL holding an SLS or sub-SLS: the latest finish among its holders. */
  private pplPlan(code: string, asOf: string, day: string) {
    const ppl = [...new Set(this.leaves.filter((l) => l.code.startsWith(code)).map((l) => this.holders.get(l.code)).filter((p) => p !== undefined))];
    let worst: { projectedFinish: string | null; pace7: number; requiredPace: number | null } | null = null;
    for (const p of ppl) {
      const leaves = this.leaves.filter((l) => this.holders.get(l.code) === p).map((l) => l.code);
      const universe = leaves.reduce((sum, leaf) => sum + this.sums(leaf, asOf).prelist + this.sums(leaf, asOf).keluargaBaru, 0);
      const plan = this.schedule((d) => this.closedOfLeaves(leaves, d), day, universe - this.closedOfLeaves(leaves, day));
      if (worst === null || worst.projectedFinish === null) worst ??= plan;
      else if (plan.projectedFinish === null || plan.projectedFinish > worst.projectedFinish) worst = plan;
    }
    return worst;
  }

  /**
   * Every figure of an area as of a date, per DESIGN.md (Metrics). Pace, forecast and status are
   * those of `completeThrough` when asOf lies after it (complete days only).
   */
  metrics(code: string, asOf: string, completeThrough?: string | null, judge = true) {
    const w = this.window;
    const s = this.sums(code, asOf);
    const universe = s.prelist + s.keluargaBaru;
    const closed = s.selesai + s.tidakDitemukan;
    const day = completeThrough === undefined ? asOf : completeThrough === null ? plus(w.startDate, -1) : completeThrough < asOf ? completeThrough : asOf;
    const remaining = universe - this.closed(code, day);
    const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
    const own = this.schedule((d) => this.closed(code, d), day, remaining);
    const projectedFinish = own.projectedFinish;
    const early = this.finishAt(day, remaining, quantile(own.band, 0.9));
    const late = this.finishAt(day, remaining, quantile(own.band, 0.1));
    const daysLeft = Math.max(0, between(asOf, w.endDate));
    const level = this.areas.find((a) => a.code === code)?.level;
    const plan = judge && (level === 'sls' || level === 'subsls') ? this.pplPlan(code, asOf, day) : null;
    const judged = plan ?? own;
    // Stalled: days back from `day` without growth, within the series a read carries (day−15 … asOf).
    const seriesStart = plus(day, -15);
    const known = (d: string) => (d < seriesStart ? 0 : this.closed(code, d));
    let stalled = 0;
    const limit = Math.min(between(w.startDate, day) + 1, between(seriesStart, day));
    for (let d = day; stalled < limit && known(d) <= known(plus(d, -1)); d = plus(d, -1)) stalled++;
    const first = this.firstReport(code);
    const sinceFirst = first === null || first > day ? null : first <= seriesStart ? Infinity : between(first, day);
    if (sinceFirst !== null) stalled = Math.min(stalled, sinceFirst);
    const status =
      remaining <= 0
        ? 'selesai'
        : this.closed(code, day) <= 0 && sinceFirst === null
          ? 'belum_mulai'
          : stalled >= 3
            ? 'macet'
            : judged.projectedFinish === null
              ? 'tertinggal'
              : judged.projectedFinish <= w.endDate
                ? 'sesuai_jadwal'
                : judged.projectedFinish <= plus(w.endDate, 3)
                  ? 'berisiko'
                  : 'tertinggal';
    return {
      asOf,
      ...s,
      universe,
      closed,
      belumDikunjungi: universe - s.selesai - s.menolak - s.tidakDitemui - s.tidakDitemukan,
      progres: ratio(closed, universe),
      cakupanSasaranAwal: ratio(s.selesai, s.prelist),
      tingkatPenolakan: ratio(s.menolak, s.selesai + s.menolak),
      nonrespons: ratio(s.menolak + s.tidakDitemui, universe),
      pace: this.paceOn(code, day),
      pace7: own.pace7,
      requiredPace: own.requiredPace,
      projectedFinish,
      // The range never lies on the wrong side of the projected finish itself.
      projectedFinishLow: projectedFinish && early && early > projectedFinish ? projectedFinish : early,
      projectedFinishHigh: projectedFinish && late && late < projectedFinish ? projectedFinish : late,
      status,
      daysLeft,
      expectedProgres: Math.min(1, Math.max(0, (between(w.startDate, asOf) + 1) / (between(w.startDate, w.endDate) + 1))),
    };
  }

  /** One row per date from `from` to `to`. */
  daily(code: string, from: string, to: string) {
    const rows = [];
    for (let d = from; d <= to; d = plus(d, 1)) {
      const m = this.metrics(code, d, undefined, false);
      const { asOf: _a, projectedFinish: _p, projectedFinishLow: _l, projectedFinishHigh: _h, status: _s, daysLeft: _d, ...rest } = m;
      rows.push({ tanggal: d, ...rest });
    }
    return rows;
  }

  /** Codes of the areas directly below `code`, or all of them at `level`, in code order. */
  below(code: string, level?: string): string[] {
    return this.areas
      .filter((a) => (level ? a.level === level && a.code.startsWith(code) && a.code !== code : a.parent_code === code))
      .map((a) => a.code)
      .sort();
  }
}

/** Numbers equal up to float rounding, everything else exactly; lists the fields that differ. */
export function differences(actual: Record<string, unknown>, expected: Record<string, unknown>, path = ''): string[] {
  const out: string[] = [];
  for (const [key, want] of Object.entries(expected)) {
    const got = actual[key];
    const where = `${path}${key}`;
    if (typeof want === 'number' && typeof got === 'number') {
      if (Math.abs(got - want) > 1e-9 * Math.max(1, Math.abs(want))) out.push(`${where}: ${got} ≠ ${want}`);
    } else if (got !== want) out.push(`${where}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
  }
  return out;
}
