'use client';

import { InfoPopover } from './info-popover';
import { useMetricText, type MetricKey } from './use-dashboard-text';

/** The "i" button with a metric's definition, from the metrics messages. */
export function MetricInfo({ metric }: { metric: MetricKey }) {
  const text = useMetricText();
  return <InfoPopover def={text.def(metric)} labels={text.infoLabels(metric)} />;
}
