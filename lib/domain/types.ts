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

export const STATUSES = ['selesai', 'sesuai_jadwal', 'berisiko', 'tertinggal'] as const;
export type Status = (typeof STATUSES)[number];
