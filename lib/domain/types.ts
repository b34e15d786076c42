// Shared vocabulary of DESIGN.md. Codes are always strings, never numbers.

export const AREA_LEVELS = ['kota', 'kecamatan', 'kelurahan', 'sls', 'subsls'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

/** Code length of each level: BPS codes are prefixes of their descendants' codes. */
export const LEVEL_CODE_LENGTH: Record<AreaLevel, number> = {
  kota: 4,
  kecamatan: 7,
  kelurahan: 10,
  sls: 14,
  subsls: 16,
};

export const OFFICER_ROLES = ['ppl', 'pml', 'koseka'] as const;
export type OfficerRole = (typeof OFFICER_ROLES)[number];

/** The five cumulative counts of a daily report (DESIGN.md, The grain). */
export interface OutcomeCounts {
  selesai: number;
  menolak: number;
  tidakDitemui: number;
  tidakDitemukan: number;
  keluargaBaru: number;
}

export interface DailyReport extends OutcomeCounts {
  tanggal: string; // YYYY-MM-DD, local date
  kodeSubsls: string; // 16 digits
  kodePetugas: string;
}

export interface CampaignWindow {
  /** First day of fieldwork, YYYY-MM-DD. */
  startDate: string;
  /** Last day of fieldwork, YYYY-MM-DD. */
  endDate: string;
  /** Days after endDate on which reports are still accepted. */
  graceDays: number;
}

/**
 * The one status enum of areas and officers (DESIGN.md, Metrics). belum_mulai: nothing closed and
 * no report yet; macet: unfinished and closed has not grown for MACET_DAYS complete days.
 */
export const STATUSES = ['selesai', 'sesuai_jadwal', 'berisiko', 'tertinggal', 'macet', 'belum_mulai'] as const;
export type Status = (typeof STATUSES)[number];

/** Why a status is what it is: a short code the pages turn into a sentence (messages/<locale>/status.json). */
export const STATUS_REASONS = [
  'semua_tertutup',
  'belum_ada_laporan',
  'tidak_bertambah',
  'laju_cukup',
  'laju_kurang',
  'tanpa_laju',
  'rencana_ppl_cukup',
  'rencana_ppl_kurang',
  'tidak_lapor',
] as const;
export type StatusReason = (typeof STATUS_REASONS)[number];
