// Shared axis, legend and tooltip styling of the dashboard charts.
import { createElement } from 'react';
export const AXIS_TICK = { fontSize: 11, fill: '#475569' };
export const GRID_STROKE = '#e2e8f0';
export const LEGEND_STYLE = { fontSize: 12, paddingTop: 4 };
export const TOOLTIP_STYLE = { fontSize: 12, borderRadius: 6, borderColor: '#cbd5e1' };
export const MARGIN = { top: 8, right: 12, bottom: 0, left: 0 };

/** Legend text stays dark and readable whatever the series colour (yellow and grey would vanish on white). */
export const legendText = (value: string) => createElement('span', { style: { color: '#334155' } }, value);

/** Legend entries in the order given, not alphabetically. */
export const legendOrder = (keys: readonly string[]) => (item: { dataKey?: unknown }) => keys.indexOf(String(item.dataKey));

/** The tooltip's date heading, from the row's ISO date. */
export const tooltipDate = (format: (d: string) => string) => (label: unknown) => format(String(label));
