import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { mayLoad } from '@/lib/ingest/actor';
import { IMPORT_KINDS } from '@/lib/ingest/columns';
import { dataFor } from '@/lib/server/data';
import { requireViewer } from '@/lib/server/viewer';
import { ImportClient } from './import-client';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('ingest.ui'))('title') };
}

export default async function ImportPage() {
  const viewer = await requireViewer();
  const kinds = IMPORT_KINDS.filter((k) => mayLoad(viewer, k));
  if (kinds.length === 0) notFound();
  const [t, campaign] = await Promise.all([getTranslations('ingest.ui'), dataFor(viewer).getCampaign()]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('intro')}</p>
      </div>
      <ImportClient kinds={kinds} timeZone={campaign?.timezone ?? 'UTC'} />
    </div>
  );
}
