// The one definition of every metric in DESIGN.md. Pages, API and exports all call these.
import { addDays, diffDays } from './dates';
import { refusalContacts } from './refusals';
import type { CampaignWindow, Status } from './types';

/** Summed carried-forward counts of an area as of a date, with its prelist target. */
export interface AreaCounts {
  prelist: number;
  keluargaBaru: number;
  selesai: number;
  menolak: number;
  tidakDitemui: number;
  tidakDitemukan: number;
}

export const ZERO_COUNTS: AreaCounts = {
  prelist: 0,
  keluargaBaru: 0,
  selesai: 0,
  menolak: 0,
  tidakDitemui: 0,
  tidakDitemukan: 0,
};

export interface CountMetrics {
  universe: number;
  closed: number;
  belumDikunjungi: number;
  progres: number | null;
  cakupanSasaranAwal: number | null;
  tingkatPenolakan: number | null;
  nonrespons: number | null;
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** universe U = P + B */
export function universeOf(c: AreaCounts): number {
  return c.prelist + c.keluargaBaru;
}

/** closed = selesai + tidak ditemukan */
export function closedOf(c: Pick<AreaCounts, 'selesai' | 'tidakDitemukan'>): number {
  return c.selesai + c.tidakDitemukan;
}

/** Ratios and derived counts of one as-of state (no time series needed). */
export function countMetrics(c: AreaCounts): CountMetrics {
  const universe = universeOf(c);
  const closed = closedOf(c);
  return {
    universe,
    closed,
    belumDikunjungi: universe - c.selesai - c.menolak - c.tidakDitemui - c.tidakDitemukan,
    progres: ratio(closed, universe),
    cakupanSasaranAwal: ratio(c.selesai, c.prelist),
    tingkatPenolakan: ratio(c.menolak, refusalContacts(c)),
    nonrespons: ratio(c.menolak + c.tidakDitemui, universe),
  };
}

/** Days of the window left after `asOf` (asOf itself excluded); 0 on and after the last day. */
export function daysLeft(window: CampaignWindow, asOf: string): number {
  return Math.max(0, diffDays(window.endDate, asOf));
}

/** Number of days in the fieldwork window (31 for Regsosek 2022). */
export function windowLength(window: CampaignWindow): number {
  return diffDays(window.endDate, window.startDate) + 1;
}

/** Plan line: expected progres on `date` = day index / window length, linear, clipped to 0..1. */
export function expectedProgres(window: CampaignWindow, date: string): number {
  const dayIndex = diffDays(date, window.startDate) + 1;
  return Math.min(1, Math.max(0, dayIndex / windowLength(window)));
}

/** required pace = (U − closed) / days left (asOf excluded); null when no day is left. */
export function requiredPace(remaining: number, left: number): number | null {
  if (left <= 0) return null;
  return Math.max(0, remaining) / left;
}

/** Status from progres and the projected finish (DESIGN.md, Metrics). */
export function statusOf(remaining: number, projectedFinish: string | null, window: CampaignWindow): Status {
  if (remaining <= 0) return 'selesai';
  if (projectedFinish === null) return 'tertinggal';
  if (projectedFinish <= window.endDate) return 'sesuai_jadwal';
  if (projectedFinish <= addDays(window.endDate, 3)) return 'berisiko';
  return 'tertinggal';
}
