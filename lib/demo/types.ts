// Public shapes of the demo data set (re-exported by lib/demo/generate.ts).
import type { Geometry } from 'geojson';
import type { AreaLevel, DailyReport, OfficerRole } from '../domain/types';

export interface DemoOptions {
  seed: number;
  /** Number of cities: 1 = Kota Balikpapan; N > 1 adds synthetic copies 9901, 9902, … */
  scale: number;
  /** Last report date simulated (inclusive), YYYY-MM-DD; default '2022-11-02' (day 19). */
  today?: string;
  /** Folder holding wilayah_balikpapan.csv and the two GeoJSON files. */
  referenceDir: string;
}

export interface DemoArea {
  code: string;
  kodeKota: string;
  level: AreaLevel;
  parentCode: string | null;
  name: string;
  kemendagriCode: string | null;
  /** Prelist families: a sub-SLS's own count; 0 for every other level (sums are computed elsewhere). */
  prelist: number;
  /** Kecamatan and kelurahan only (null for synthetic cities' missing shapes and for other levels). */
  geometry: Geometry | null;
}

export interface DemoOfficer {
  code: string;
  kodeKota: string;
  role: OfficerRole;
  name: string;
  supervisorCode: string | null;
  phone: string | null;
  /** Kecamatan code for koseka and pml; kelurahan code for ppl. */
  areaCode: string;
}

export interface DemoAssignment {
  kodeSubsls: string;
  kodePetugas: string;
  kodeKota: string;
}

export interface DemoReportVersion extends DailyReport {
  kodeKota: string;
  /** Officer code of who submitted: the PPL, or occasionally their PML acting for them. */
  submittedBy: string;
  /** ISO timestamp with +08:00 (WITA). */
  submittedAt: string;
}

export interface DemoCampaign {
  kodeKota: string;
  name: string;
  startDate: '2022-10-15';
  endDate: '2022-11-14';
  graceDays: 6;
  timezone: 'Asia/Makassar';
}

export interface DemoData {
  campaigns: DemoCampaign[];
  /** Parents before children: kota, kecamatan, kelurahan, SLS, sub-SLS of each city. */
  areas: DemoArea[];
  /** Supervisors before the people they supervise: koseka, PML, PPL of each city. */
  officers: DemoOfficer[];
  assignments: DemoAssignment[];
  /** Every submitted version in submission order; the last per (kodeSubsls, tanggal) is current. */
  reports: DemoReportVersion[];
}

export const DEMO_DEFAULT_TODAY = '2022-11-02';

export const DEMO_WINDOW = {
  startDate: '2022-10-15',
  endDate: '2022-11-14',
  graceDays: 6,
  timezone: 'Asia/Makassar',
} as const;
