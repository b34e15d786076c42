// Colours, breaks and legend of each map metric. Palettes are ColorBrewer schemes marked
// colour-blind safe; status keeps its one colour from status-colors.ts.
import { classify, legendEntries, pickColors, type ClassMethod, type LegendEntry } from './classify';
import type { MapMetric } from './map-metrics';
import { STATUS_COLORS } from './status-colors';
import { STATUSES, type Status } from './types';

/** Areas without a value (an empty universe, no pace required any more). */
export const NO_DATA_COLOR = '#d4d4d8';

/** Sequential: light = little done, dark = much done (ColorBrewer YlGnBu 6). */
const DONE = ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#2c7fb8', '#253494'];
/** Sequential: light = few, dark = many refusals (ColorBrewer YlOrRd 5). */
const REFUSED = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'];
/** Sequential: light = few, dark = many not met (ColorBrewer RdPu 5). */
const NOT_MET = ['#feebe2', '#fbb4b9', '#f768a1', '#c51b8a', '#7a0177'];
/** Diverging around 1: orange behind the required pace, purple ahead of it (ColorBrewer PuOr 6). */
const PACE = ['#b35806', '#f1a340', '#fee0b6', '#d8daeb', '#998ec3', '#542788'];

export interface MetricStyle {
  /** Fixed class breaks; the quantile method makes as many classes. */
  breaks: readonly number[];
  /** One colour per fixed class, lowest class first. */
  palette: readonly string[];
}

/** Fixed breaks chosen for how these figures move in a registration, not fitted to one data set. */
export const METRIC_STYLES: Record<Exclude<MapMetric, 'status'>, MetricStyle> = {
  progres: { breaks: [0.2, 0.4, 0.6, 0.8, 1], palette: DONE },
  cakupanSasaranAwal: { breaks: [0.2, 0.4, 0.6, 0.8, 1], palette: DONE },
  tingkatPenolakan: { breaks: [0.01, 0.02, 0.03, 0.05], palette: REFUSED },
  penolakanTerbuka: { breaks: [10, 25, 50, 100], palette: REFUSED },
  // More converted is better: the same light-to-dark "done" scheme as progres.
  konversiPenolakan: { breaks: [0.1, 0.25, 0.4, 0.6, 0.8], palette: DONE },
  tidakDitemuiShare: { breaks: [0.01, 0.02, 0.05, 0.1], palette: NOT_MET },
  paceGap: { breaks: [0.5, 0.75, 1, 1.25, 1.5], palette: PACE },
};

export interface LegendText {
  /** A class bound as text (a percentage, a multiple). */
  format: (v: number) => string;
  status: (s: Status) => string;
  noData: string;
}

export interface MapClasses {
  /** Every class in order (and "no data" when some area has no value). */
  legend: LegendEntry[];
  /** The legend entry of each value, in input order. */
  entries: LegendEntry[];
}

function statusClasses(text: LegendText): LegendEntry[] {
  return STATUSES.map((s) => ({ key: s, label: text.status(s), color: STATUS_COLORS[s], from: null, to: null }));
}

/** Numeric classes; when quantiles leave one class (all values equal) it is labelled by the value. */
function numericClasses(metric: Exclude<MapMetric, 'status'>, numbers: (number | null)[], method: ClassMethod, text: LegendText) {
  const style = METRIC_STYLES[metric];
  const { breaks, classes } = classify(numbers, method, style.breaks);
  const present = numbers.filter((v): v is number => v !== null);
  if (breaks.length > 0) return { legend: legendEntries(breaks, pickColors(style.palette, breaks.length + 1), text.format), classes };
  if (present.length === 0) return { legend: [], classes };
  const [lo, hi] = [Math.min(...present), Math.max(...present)];
  const label = lo === hi ? text.format(lo) : `${text.format(lo)} – ${text.format(hi)}`;
  return { legend: [{ key: '0', label, color: pickColors(style.palette, 1)[0], from: null, to: null }], classes };
}

/** Legend and class of each area's value for a metric, by fixed breaks or quantiles. */
export function mapClasses(
  metric: MapMetric,
  values: readonly (number | Status | null)[],
  method: ClassMethod,
  text: LegendText,
): MapClasses {
  const none: LegendEntry = { key: 'none', label: text.noData, color: NO_DATA_COLOR, from: null, to: null };
  let legend: LegendEntry[];
  let keys: (string | null)[];
  if (metric === 'status') {
    legend = statusClasses(text);
    keys = values.map((v) => (typeof v === 'string' ? v : null));
  } else {
    const numeric = numericClasses(metric, values.map((v) => (typeof v === 'number' ? v : null)), method, text);
    legend = numeric.legend;
    keys = numeric.classes.map((c) => (c === null ? null : String(c)));
  }
  const byKey = new Map(legend.map((e) => [e.key, e]));
  const entries = keys.map((k) => (k === null ? none : (byKey.get(k) ?? none)));
  return { legend: entries.includes(none) ? [...legend, none] : legend, entries };
}
