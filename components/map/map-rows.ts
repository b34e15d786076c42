import type { LegendEntry } from '@/lib/domain/classify';
import type { AreaFeatureProperties } from '@/lib/queries/geo';

/** One area as the map, its table and the SLS grid all show it: same figure, same class. */
export interface MapRow {
  p: AreaFeatureProperties;
  entry: LegendEntry;
  /** The mapped metric's value as text. */
  valueText: string;
  /** Where drilling into the area goes (the map of it, or its page below kelurahan). */
  href: string;
  /** The area's page. */
  pageHref: string;
}
