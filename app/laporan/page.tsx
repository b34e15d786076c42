import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ArchiveSection } from '@/components/archive/archive-section';
import { ExportPicker } from '@/components/export-picker';
import { can } from '@/lib/domain/roles';
import { getArchiveTime, listArchiveDays } from '@/lib/queries/archive';
import { listAreaOptions } from '@/lib/queries/areas';
import { getCampaign } from '@/lib/queries/campaign';
import { getDb } from '@/lib/server/database';
import { requireViewer } from '@/lib/server/viewer';
import { makeArchiveAction } from './archive-actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Laporan' };

export default async function ReportsPage() {
  const viewer = await requireViewer();
  const db = await getDb();
  const [campaign, options, archive, archiveTime] = await Promise.all([
    getCampaign(db, viewer.scope),
    listAreaOptions(db, viewer.scope),
    listArchiveDays(db, viewer.scope),
    getArchiveTime(db, viewer.scope),
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
