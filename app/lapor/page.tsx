import type { Metadata, Viewport } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { officerCodeSchema } from '@/lib/domain/area-code-schemas';
import { reportDate } from '@/lib/ingest/report-date';
import { dataFor } from '@/lib/server/data';
import { PplPicker } from '@/components/ppl-picker';
import { requirePermission } from '@/lib/server/viewer';
import { OfflineForm } from '@/components/offline/offline-form';
import { OutboxPanel } from './outbox-panel';
import { ReportForm } from './report-form';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const title = (await getTranslations('ingest.lapor'))('title');
  // iOS reads neither the manifest's icons nor its name: it wants these (Add to Home Screen).
  return { title, icons: { apple: '/icons/apple-touch-icon.png' }, appleWebApp: { capable: true, title: 'Pantau Lapor', statusBarStyle: 'default' } };
}

export const viewport: Viewport = { themeColor: '#1d4ed8' };

export default async function ReportPage({ searchParams }: { searchParams: Promise<{ petugas?: string; tanggal?: string }> }) {
  const query = await searchParams;
  const viewer = await requirePermission('submitReports');
  const data = dataFor(viewer);
  const campaign = await data.getCampaign();
  if (!campaign) notFound();
  const t = await getTranslations('ingest.lapor');
  const tanggal = reportDate(campaign, query.tanggal);
  const isPpl = viewer.role === 'ppl';
  const choices = isPpl ? [] : await data.listReportablePpl();
  const asked = query.petugas && officerCodeSchema.safeParse(query.petugas).success ? query.petugas : undefined;
  const chosen = isPpl ? (viewer.officerCode ?? undefined) : choices.find((c) => c.code === asked)?.code;
  const items = chosen ? await data.listAssignedSubsls({ asOf: tanggal, officerCode: chosen }) : [];
  const who = choices.find((c) => c.code === chosen);

  return (
    <div className="mx-auto max-w-3xl space-y-3">
      <div>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('intro')}</p>
      </div>
      <form method="get" className="grid gap-2 rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:grid-cols-[1fr_auto_auto] sm:items-end">
        {isPpl ? null : <PplPicker label={t('choosePetugas')} choices={choices} chosen={chosen} asList={viewer.role === 'pml'} />}
        <label className="block text-sm font-medium">
          {t('date')}
          <input
            type="date"
            name="tanggal"
            defaultValue={tanggal}
            min={campaign.startDate}
            max={campaign.lastReportDate}
            className="mt-1 block h-12 w-full rounded border border-slate-300 px-2"
          />
        </label>
        <button type="submit" className="h-12 rounded border border-slate-300 bg-slate-50 px-4 font-medium">
          {t('show')}
        </button>
      </form>
      <OfflineForm />
      <OutboxPanel username={viewer.username} />
      {who ? <p className="text-sm text-slate-700">{t('acting', { name: `${who.name} (${who.code})` })}</p> : null}
      {chosen ? <ReportForm key={`${chosen}-${tanggal}`} items={items} tanggal={tanggal} officerCode={chosen} username={viewer.username} /> : null}
    </div>
  );
}
