import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { LOCALE_COOKIE, toLocale, type Locale } from '@/lib/i18n/config';
import { getDb } from '@/lib/server/database';
import { getViewer, type Viewer } from '@/lib/server/viewer';
import { ApiError, errorBody } from './errors';

export interface ApiContext<P, Q> {
  req: NextRequest;
  db: Db;
  viewer: Viewer;
  locale: Locale;
  params: P;
  query: Q;
}

/** The request's language: the UI cookie, else Accept-Language, else Indonesian. */
export function requestLocale(req: NextRequest): Locale {
  const cookie = req.cookies.get(LOCALE_COOKIE)?.value;
  if (cookie) return toLocale(cookie);
  const accept = req.headers.get('accept-language') ?? '';
  return /^\s*en\b/i.test(accept) ? 'en' : 'id';
}

function zodDetails(error: z.ZodError) {
  return error.issues.map((i) => ({ field: i.path.join('.'), reason: i.message }));
}

/**
 * Every /api/v1 handler goes through here: viewer (401 without one), zod-parsed route and
 * query parameters (400 with the failing fields), typed errors mapped to JSON, and no stack
 * trace or SQL ever in a response.
 */
export function apiRoute<P extends z.ZodType, Q extends z.ZodType>(
  schemas: { params?: P; query?: Q },
  handler: (ctx: ApiContext<z.infer<P>, z.infer<Q>>) => Promise<unknown>,
) {
  return async (req: NextRequest, route: { params: Promise<Record<string, string | string[]>> }) => {
    const locale = requestLocale(req);
    try {
      const viewer = await getViewer();
      if (!viewer) throw new ApiError('unauthorized');
      const rawParams = route?.params ? await route.params : {};
      const params = schemas.params ? schemas.params.safeParse(rawParams) : { success: true as const, data: rawParams };
      if (!params.success) throw new ApiError('not_found');
      const query = schemas.query
        ? schemas.query.safeParse(Object.fromEntries(req.nextUrl.searchParams))
        : { success: true as const, data: {} };
      if (!query.success) throw new ApiError('bad_request', undefined, zodDetails(query.error));
      const result = await handler({
        req,
        db: await getDb(),
        viewer,
        locale,
        params: params.data as z.infer<P>,
        query: query.data as z.infer<Q>,
      });
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError('internal');
      if (!(error instanceof ApiError)) console.error('api error', req.nextUrl.pathname, error);
      return NextResponse.json(errorBody(apiError, locale), { status: apiError.status });
    }
  };
}
