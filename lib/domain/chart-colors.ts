// Colours of the chart series. Status colours (status-colors.ts) stay reserved for status; the
// outcomes use the rest of the Okabe–Ito palette, and lines also differ by dash, not colour alone.

/** The outcomes stacked bottom-up: closed first (selesai, tidak ditemukan), not yet visited on top. */
export const OUTCOME_KEYS = ['selesai', 'tidakDitemukan', 'menolak', 'tidakDitemui', 'belumDikunjungi'] as const;

export const OUTCOME_COLORS: Record<(typeof OUTCOME_KEYS)[number], string> = {
  selesai: '#0072b2',
  tidakDitemukan: '#56b4e9',
  menolak: '#cc79a7',
  tidakDitemui: '#f0e442',
  belumDikunjungi: '#cbd5e1',
};

export const SERIES_COLORS = {
  actual: '#0f172a',
  plan: '#64748b',
  target: '#94a3b8',
  forecast: '#6d28d9',
  band: '#a78bfa',
  pace: '#94a3b8',
  pace7: '#0f172a',
  required: '#6d28d9',
} as const;
