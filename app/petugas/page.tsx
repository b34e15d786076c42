import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { OfficerExportLinks } from '@/components/officers/officer-export-links';
import { SilentList } from '@/components/officers/silent-list';
import { SilentShare } from '@/components/share/silent-share';
import { parseOfficersQuery } from '@/lib/client/officers';
import { queryKeys } from '@/lib/client/queries';
import { formatDate, formatNumber } from '@/lib/format';
import { toLocale } from '@/lib/i18n/config';
import { resolveAsOf } from '@/lib/domain/as-of';
import { areaCodeSchema } from '@/lib/domain/area-code-schemas';
import { groupSilentOfficers } from '@/lib/domain/silent-officers';
import { dataFor } from '@/lib/server/data';
import { getViewer } from '@/lib/server/viewer';
import { OfficersView } from './officers-view';

export const dynamic = 'force-dynamic';

type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata() {
  const t = await getTranslations('officers');
  return { title: t('title') };
}

export default async function OfficersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const viewer = await getViewer();
  if (!viewer) notFound();
  const data = dataFor(viewer);
  const campaign = await data.getCampaign();
  if (!campaign) notFound();
  const locale = toLocale(await getLocale());
  const t = await getTranslations('officers');
  const tc = await getTranslations('common');
  const query = parseOfficersQuery(params);
  const asOf = resolveAsOf(campaign, query.asOf);
  const silentTab = params.tab === 'belum-lapor';
  const scoped = { asOf, window: campaign };
  // From an area page's "Perlu perhatian": the belum-lapor list narrowed to that area.
  const area = areaCodeSchema.safeParse(params.wilayah).success ? (params.wilayah as string) : null;

  const queryClient = new QueryClient();
  const [options, silent] = await Promise.all([
    data.listOfficerFilterOptions(scoped),
    area ? data.listSilentInArea({ ...scoped, code: area }) : data.listSilentOfficers(scoped),
    silentTab
      ? null
      : queryClient.prefetchQuery({ queryKey: queryKeys.officerList(query), queryFn: async () => {
            // Dehydration leaves failed queries out: the browser then asks the API and shows its error.
            const page = await data.officerPageFor({ query, campaign, asOf, locale });
            if (!page) throw new Error('area not visible');
            return page;
          },
        }),
  ]);
  const dateParam = query.asOf ? `asOf=${asOf}` : '';
  const tabClass = (active: boolean) =>
    `-mb-px border-b-2 px-3 py-2 text-sm font-medium ${active ? 'border-brand text-brand' : 'border-transparent text-slate-600 hover:text-slate-900'}`;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold">{t('title')}</h1>
          <p className="text-sm text-slate-600">{t('subtitle')}</p>
        </div>
        <div className="text-sm text-slate-600">
          {tc('asOf')} <strong>{formatDate(asOf, locale)}</strong>
        </div>
      </div>
      <nav className="flex gap-1 border-b border-slate-200" aria-label={t('title')}>
        <Link href={`/petugas${dateParam ? `?${dateParam}` : ''}`} className={tabClass(!silentTab)} aria-current={silentTab ? undefined : 'page'}>
          {t('tabs.all')}
        </Link>
        <Link href={`/petugas?tab=belum-lapor${dateParam ? `&${dateParam}` : ''}${area ? `&wilayah=${area}` : ''}`} className={tabClass(silentTab)} aria-current={silentTab ? 'page' : undefined} data-testid="tab-silent">
          {t('tabs.silent')} <span className="tabular-nums">({formatNumber(silent.length, locale)})</span>
        </Link>
      </nav>
      <OfficerExportLinks code={area ?? (viewer.scope.kind === 'area' ? viewer.scope.areaCode : viewer.scope.kodeKota)} asOf={asOf} list={silentTab ? 'silent' : 'all'} />
      {silentTab ? (
        <>
          <SilentShare areaName={(await data.getArea(viewer.homeArea ?? viewer.scope.kodeKota))?.name ?? viewer.username} asOf={asOf} officers={silent} />
          <SilentList groups={groupSilentOfficers(silent)} asOf={asOf} total={silent.length} />
        </>
      ) : (
        <HydrationBoundary state={dehydrate(queryClient)}>
          <OfficersView options={options} asOf={asOf} window={{ startDate: campaign.startDate, endDate: campaign.endDate, graceDays: campaign.graceDays }} />
        </HydrationBoundary>
      )}
    </div>
  );
}
