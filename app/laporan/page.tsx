import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ArchiveSection } from '@/components/archive/archive-section';
import { ExportPicker } from '@/components/export-picker';
import { can } from '@/lib/domain/roles';
import { dataFor } from '@/lib/server/data';
import { requireViewer } from '@/lib/server/viewer';
import { makeArchiveAction } from './archive-actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Laporan' };

export default async function ReportsPage() {
  const viewer = await requireViewer();
  const data = dataFor(viewer);
  const [campaign, options, archive, archiveTime] = await Promise.all([
    data.getCampaign(),
    data.listAreaOptions(),
    data.listArchiveDays(),
    data.getArchiveTime(),
  ]);
  if (!campaign || options.length === 0) notFound();
  const t = await getTranslations('reports');
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="text-sm text-slate-600">{t('intro')}</p>
      <ExportPicker options={options} asOf={campaign.defaultAsOf} min={campaign.startDate} max={campaign.lastReportDate} />
      <ArchiveSection
        days={archive}
        timeZone={campaign.timezone}
        archiveTime={archiveTime ?? '07:00'}
        make={can(viewer, 'importData') ? makeArchiveAction : undefined}
        window={{ min: campaign.startDate, max: campaign.lastReportDate, asOf: campaign.defaultAsOf }}
      />
    </div>
  );
}
