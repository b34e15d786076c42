import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { levelBelowCode, levelOfCode } from '@/lib/domain/area-code';
import { areaCodeSchema } from '@/lib/domain/area-code-schemas';
import { queryKeys } from '@/lib/client/queries';
import { isIsoDate } from '@/lib/domain/dates';
import type { AreaLevel } from '@/lib/domain/types';
import { AttentionPanel } from '@/components/dashboard/attention-panel';
import { resolveAsOf } from '@/lib/domain/as-of';
import { dataFor } from '@/lib/server/data';
import { requireViewer } from '@/lib/server/viewer';
import { AreaDashboard } from './area-dashboard';

export const dynamic = 'force-dynamic';

interface Props {
  params: Promise<{ code: string }>;
  searchParams: Promise<{ asOf?: string; level?: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code } = await params;
  const viewer = await requireViewer();
  const area = viewer && areaCodeSchema.safeParse(code).success ? await dataFor(viewer).getArea(code) : null;
  return { title: area?.name ?? code };
}

/** An area at any level, as of a date: prefetched here, hydrated and kept fresh by AreaDashboard. */
export default async function AreaPage({ params, searchParams }: Props) {
  const [{ code }, query] = await Promise.all([params, searchParams]);
  const viewer = await requireViewer();
  if (!viewer || !areaCodeSchema.safeParse(code).success) notFound();
  const data = dataFor(viewer);
  const campaign = await data.getCampaign();
  if (!campaign) notFound();
  const asOf = resolveAsOf(campaign, query.asOf && isIsoDate(query.asOf) ? query.asOf : null);
  const levels = [levelBelowCode(code), levelBelowCode(code, 2)].filter((l): l is AreaLevel => l !== null);
  const level = levels.slice(1).find((l) => l === query.level) ?? null;
  const codeLevel = levelOfCode(code);
  const [view, holders, attention] = await Promise.all([
    data.getAreaViewBody(campaign, { code, asOf, level }),
    codeLevel === 'sls' || codeLevel === 'subsls' ? data.listAreaHolders({ code, level: codeLevel }) : null,
    data.getAttention({ code, asOf, window: campaign }),
  ]);
  if (!view) notFound();
  const queryClient = new QueryClient();
  queryClient.setQueryData(queryKeys.areaView(code, asOf, level), view);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <AreaDashboard
        code={code}
        asOf={asOf}
        level={level}
        levels={levels}
        holders={holders?.get(code)}
        attention={attention ? <AttentionPanel data={attention} code={code} window={campaign} silentHref={`/petugas?tab=belum-lapor&asOf=${asOf}&wilayah=${code}`} /> : null}
        window={{
          startDate: campaign.startDate,
          endDate: campaign.endDate,
          graceDays: campaign.graceDays,
          lastReportDate: campaign.lastReportDate,
          latestReport: campaign.latestReport,
          defaultAsOf: campaign.defaultAsOf,
          completeThrough: campaign.completeThrough,
          timezone: campaign.timezone,
        }}
      />
    </HydrationBoundary>
  );
}
