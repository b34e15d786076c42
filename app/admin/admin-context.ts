import 'server-only';
import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { clientIp } from '@/lib/auth/request-info';
import { can, type Permission, type Viewer } from '@/lib/domain/roles';
import { dataFor } from '@/lib/server/data';
import { getViewer } from '@/lib/server/viewer';

/**
 * What an admin server action needs: the viewer (re-checked here: an action is a public
 * endpoint of its own, whatever page rendered its form) and its data access, whose writes name
 * the viewer and the request's address in the audit log.
 * Null when the caller may not perform the action.
 */
export async function adminAction(permission: Permission) {
  const viewer = await getViewer();
  if (!viewer || !can(viewer, permission)) return null;
  const data = dataFor(viewer, { ip: clientIp(await headers()) });
  return { viewer: viewer as Viewer, data, t: await getTranslations('admin') };
}

/** The fields zod rejected, for a message. */
export function fieldList(issues: { path: PropertyKey[] }[]): string {
  return [...new Set(issues.map((i) => String(i.path[0] ?? '?')))].join(', ');
}
