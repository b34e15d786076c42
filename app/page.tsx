import { redirect } from 'next/navigation';
import { requireViewer } from '@/lib/server/viewer';

export const dynamic = 'force-dynamic';

/** Home is the viewer's own root: their area, or (PML, PPL) their officer page. */
export default async function HomePage() {
  const viewer = await requireViewer();
  redirect(viewer.homeArea ? `/wilayah/${viewer.homeArea}` : `/petugas/${viewer.officerCode}`);
}
