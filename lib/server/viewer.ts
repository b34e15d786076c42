import 'server-only';
import { cache } from 'react';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { isHttps } from '@/lib/auth/request-info';
import { resolveViewer } from '@/lib/auth/resolve-viewer';
import { can, type Permission, type Role, type Viewer } from '@/lib/domain/roles';
import { getAuth } from './auth';
import { getDb } from './database';

export type { Role, Viewer };

/** Set by proxy.ts on page requests: the path and query, to come back to after signing in. */
export const PATH_HEADER = 'x-pantau-path';

/**
 * The viewer of the current request (session cookie, session token or API token), or null.
 * This — not proxy.ts — is what enforces sign-in; the scope it carries goes into every query.
 * Memoised per request, so a layout and its page resolve it once.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const h = await headers();
  return resolveViewer(await getDb(), await getAuth(), { authorization: h.get('authorization'), cookie: h.get('cookie'), https: isHttps(h) });
});

/**
 * The viewer of an API request, from the request's own headers (route handlers get the request;
 * reading it directly keeps them callable outside Next's request scope, as tests do).
 */
export async function getRequestViewer(req: Request): Promise<Viewer | null> {
  return resolveViewer(await getDb(), await getAuth(), {
    authorization: req.headers.get('authorization'),
    cookie: req.headers.get('cookie'),
    https: isHttps(req.headers),
  });
}

/** For pages: the viewer, or a redirect to the sign-in page that comes back here afterwards. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (viewer) return viewer;
  const path = (await headers()).get(PATH_HEADER);
  redirect(path && path !== '/' ? `/masuk?next=${encodeURIComponent(path)}` : '/masuk');
}

/** For pages only some roles may open: others get the same not-found as a missing page. */
export async function requirePermission(permission: Permission): Promise<Viewer> {
  const viewer = await requireViewer();
  if (!can(viewer, permission)) notFound();
  return viewer;
}
