import { MetricInfo } from '../metric-info';
import type { MetricKey } from '../use-dashboard-text';

export const CHART_HEIGHT = 260;

/** A titled chart panel with a fixed height, so the lazily loaded chart never shifts the page. */
export function ChartFrame({ title, metric, children, testId }: { title: string; metric: MetricKey; children: React.ReactNode; testId: string }) {
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm" data-testid={testId}>
      <figcaption className="mb-2 flex items-start justify-between gap-2 text-sm font-semibold">
        {title}
        <MetricInfo metric={metric} />
      </figcaption>
      <div style={{ height: CHART_HEIGHT }}>{children}</div>
    </figure>
  );
}

export function ChartSkeleton({ label }: { label: string }) {
  return (
    // Only the backdrop pulses: a fading label would drop below a readable contrast.
    <div className="relative flex h-full items-center justify-center rounded text-xs text-slate-600" role="status">
      <span aria-hidden className="absolute inset-0 animate-pulse rounded bg-slate-100" />
      <span className="relative">{label}</span>
    </div>
  );
}
