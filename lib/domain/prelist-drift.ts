// Prelist reconciliation (issue #17 §3): how far each SLS has drifted from its prelist, and a
// flag when that drift lies far outside its kelurahan's spread — a likely coverage or boundary
// error (families counted in the wrong SLS, a missed block). Pure; one definition.

/**
 * The threshold: a robust z-score above 3.5 (Iglewicz & Hoaglin's outlier rule).
 * z = 0.6745 · (x − median) / MAD, where MAD = median |x − median| over the kelurahan's SLS.
 * 0.6745 makes the MAD comparable with a standard deviation for normal data.
 */
export const DRIFT_Z_THRESHOLD = 3.5;
const MAD_SCALE = 0.6745;

/** An SLS's drift from its prelist as shares of it. */
export interface PrelistDrift {
  /** keluarga_baru ÷ prelist: families found that the prelist did not have. */
  baruShare: number | null;
  /** tidak_ditemukan ÷ prelist: prelist families no longer there. */
  tidakDitemukanShare: number | null;
  /** baruShare + tidakDitemukanShare: the whole drift, in either direction. */
  drift: number | null;
}

export function prelistDrift(c: { prelist: number; keluargaBaru: number; tidakDitemukan: number }): PrelistDrift {
  if (c.prelist <= 0) return { baruShare: null, tidakDitemukanShare: null, drift: null };
  const baruShare = c.keluargaBaru / c.prelist;
  const tidakDitemukanShare = c.tidakDitemukan / c.prelist;
  return { baruShare, tidakDitemukanShare, drift: baruShare + tidakDitemukanShare };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Robust z-score of every value against the group (median and MAD). A group whose MAD is 0
 * (most SLS identical) scores any differing value as Infinity and equal ones as 0; fewer than
 * 4 values give no score at all (null), since a spread of three says nothing.
 */
export function robustZ(values: readonly number[]): (number | null)[] {
  if (values.length < 4) return values.map(() => null);
  const m = median(values) as number;
  const mad = median(values.map((v) => Math.abs(v - m))) as number;
  return values.map((v) => {
    if (mad === 0) return v === m ? 0 : Infinity;
    return (MAD_SCALE * (v - m)) / mad;
  });
}

/** Flagged when the drift lies more than DRIFT_Z_THRESHOLD robust z above the kelurahan's median. */
export function isDriftOutlier(z: number | null): boolean {
  return z !== null && z > DRIFT_Z_THRESHOLD;
}
