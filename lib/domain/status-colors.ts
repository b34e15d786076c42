import type { Status } from './types';

/** The one colour of each status (Okabe–Ito palette, distinguishable with colour-blindness). */
export const STATUS_COLORS: Record<Status, string> = {
  selesai: '#0072b2',
  sesuai_jadwal: '#009e73',
  berisiko: '#e69f00',
  tertinggal: '#d55e00',
};
