import { notFound, redirect } from 'next/navigation';
import { getViewer } from '@/lib/server/viewer';

export const dynamic = 'force-dynamic';

/** Home is the viewer's own root area. */
export default async function HomePage() {
  const viewer = await getViewer();
  if (!viewer?.homeArea) notFound();
  redirect(`/wilayah/${viewer.homeArea}`);
}
