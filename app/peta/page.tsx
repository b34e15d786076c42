import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { MapExplorer } from '@/components/map/map-explorer';
import { mapPageQuerySchema, mapWindowOf } from '@/lib/api/geo-schemas';
import { queryKeys } from '@/lib/client/queries';
import { resolveAsOf } from '@/lib/domain/as-of';
import { dataFor } from '@/lib/server/data';
import { requireViewer } from '@/lib/server/viewer';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('map'))('title') };
}

/** Full-screen map: /peta?area=&metric=&asOf=&level= (the viewer's own area by default). */
export default async function MapPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = mapPageQuerySchema.parse(await searchParams);
  const viewer = await requireViewer();
  const code = query.area ?? viewer?.homeArea;
  if (!code) notFound();
  const data = dataFor(viewer);
  const [campaign, area, breadcrumb] = await Promise.all([
    data.getCampaign(),
    data.getArea(code),
    data.listBreadcrumb(code),
  ]);
  if (!campaign || !area) notFound();
  const initial = {
    asOf: resolveAsOf(campaign, query.asOf),
    metric: query.metric,
    method: query.classes,
    symbols: query.symbols,
    level: query.level,
  };
  // The first day comes with the page (figures and table render at once); later days are fetched.
  const request = { code: area.code, level: initial.level, asOf: initial.asOf };
  const geo = await data.getAreaGeo({ ...request, window: campaign, metric: initial.metric });
  const client = new QueryClient();
  if (geo) client.setQueryData(queryKeys.geo(request), { ...geo, window: mapWindowOf(campaign) });
  return (
    <HydrationBoundary state={dehydrate(client)}>
      <MapExplorer key={area.code} area={area} breadcrumb={breadcrumb} initial={initial} />
    </HydrationBoundary>
  );
}
