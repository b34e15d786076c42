import type { Status } from './types';

/** The one colour of each status (Okabe–Ito palette, distinguishable with colour-blindness). */
export const STATUS_COLORS: Record<Status, string> = {
  selesai: '#0072b2',
  sesuai_jadwal: '#009e73',
  berisiko: '#e69f00',
  tertinggal: '#d55e00',
  // Darker than tertinggal (stalled is worse than slow); grey: not started is no judgement yet.
  macet: '#882255',
  belum_mulai: '#7f7f7f',
};
