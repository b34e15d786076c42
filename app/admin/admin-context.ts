import 'server-only';
import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { clientIp } from '@/lib/auth/request-info';
import { can, type Permission, type Viewer } from '@/lib/domain/roles';
import { getDb } from '@/lib/server/database';
import { getViewer } from '@/lib/server/viewer';

/**
 * What an admin server action needs: the viewer (re-checked here: an action is a public
 * endpoint of its own, whatever page rendered its form), the db, the actor for the audit log.
 * Null when the caller may not perform the action.
 */
export async function adminAction(permission: Permission) {
  const viewer = await getViewer();
  if (!viewer || !can(viewer, permission)) return null;
  const actor = { username: viewer.username, ip: clientIp(await headers()) };
  return { viewer: viewer as Viewer, actor, db: await getDb(), t: await getTranslations('admin') };
}

/** The fields zod rejected, for a message. */
export function fieldList(issues: { path: PropertyKey[] }[]): string {
  return [...new Set(issues.map((i) => String(i.path[0] ?? '?')))].join(', ');
}
