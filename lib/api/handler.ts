import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { clientIp, isSameOrigin } from '@/lib/auth/request-info';
import { bearerCredential } from '@/lib/auth/resolve-viewer';
import { LOCALE_COOKIE, negotiateLocale, type Locale } from '@/lib/i18n/config';
import { dataFor, type Data } from '@/lib/server/data';
import { getRequestViewer, type Viewer } from '@/lib/server/viewer';
import { ApiError, errorBody, isDatabaseDown } from './errors';
import { notModified } from './etag';

export interface ApiContext<P, Q> {
  req: NextRequest;
  /** The viewer's data access (lib/server/data.ts): every read and write with their Scope applied; handlers never hold `db`. */
  data: Data;
  viewer: Viewer;
  locale: Locale;
  params: P;
  query: Q;
}

/**
 * The request's language: the UI cookie, else Accept-Language, else Indonesian. A link the
 * browser opens itself (a download from a page: Sec-Fetch-Mode navigate) follows the pages
 * instead, which are Indonesian until switched: the PDF of a Bahasa page is never English
 * because the browser's own language is.
 */
export function requestLocale(req: NextRequest): Locale {
  const cookie = req.cookies.get(LOCALE_COOKIE)?.value;
  if (!cookie && req.headers.get('sec-fetch-mode') === 'navigate') return 'id';
  return negotiateLocale(cookie, req.headers.get('accept-language'));
}

/** The few schema messages written by hand (lib/api/*schemas.ts), in Indonesian. */
const HAND_WRITTEN_ID: Record<string, string> = {
  'BPS area code: 4, 7, 10, 14 or 16 digits': 'kode wilayah BPS: 4, 7, 10, 14 atau 16 digit',
  'date as YYYY-MM-DD': 'tanggal berformat YYYY-MM-DD',
  'officer code: letters, digits, dot, dash, underscore': 'kode petugas: huruf, angka, titik, tanda hubung, garis bawah',
  'kab/kota, kecamatan or kelurahan code': 'kode kab/kota, kecamatan atau kelurahan',
  'file as {code}.{csv|xlsx|pdf}': 'berkas sebagai {kode}.{csv|xlsx|pdf}',
  'submission id: 8–64 letters, digits, dot, underscore, colon, dash': 'ID kiriman: 8–64 huruf, angka, titik, garis bawah, titik dua, tanda hubung',
};

const ZOD_LOCALES: Record<Locale, z.core.$ZodErrorMap> = { id: z.locales.id().localeError, en: z.locales.en().localeError };

/**
 * A 400 for input that fails its schema: the message names each failing field and why, in
 * both languages (zod's own locales, and the hand-written messages above); the details list
 * the same in the request's language.
 */
export function invalidInput(schema: z.ZodType, input: unknown, locale: Locale, what: 'query' | 'body' | 'header' = 'query'): ApiError {
  const issues = (l: Locale) =>
    (schema.safeParse(input, { error: ZOD_LOCALES[l] }).error?.issues ?? []).map((i) => ({
      field: i.path.map(String).join('.'),
      reason: l === 'id' ? (HAND_WRITTEN_ID[i.message] ?? i.message) : i.message,
    }));
  const text = (l: Locale) =>
    issues(l)
      .slice(0, 5)
      .map((i) => (i.field ? `${i.field}: ${i.reason}` : i.reason))
      .join('; ');
  const messages =
    what === 'query'
      ? { id: `Parameter tidak valid — ${text('id')}.`, en: `Invalid parameter — ${text('en')}.` }
      : what === 'header'
        ? { id: `Header tidak valid — ${text('id')}.`, en: `Invalid header — ${text('en')}.` }
        : { id: `Isi permintaan tidak valid — ${text('id')}.`, en: `Invalid request body — ${text('en')}.` };
  return new ApiError('bad_request', messages, issues(locale));
}

/** PostgreSQL text cannot hold NUL: a parameter carrying one (`?q=%00`) is refused before any query. */
function assertNoNul(query: Record<string, string>, locale: Locale): void {
  const field = Object.keys(query).find((k) => query[k].includes('\u0000'));
  if (field === undefined) return;
  const reason = { id: 'berisi karakter NUL (%00)', en: 'holds a NUL character (%00)' };
  throw new ApiError(
    'bad_request',
    { id: `Parameter tidak valid — ${field}: ${reason.id}.`, en: `Invalid parameter — ${field}: ${reason.en}.` },
    [{ field, reason: reason[locale] }],
  );
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF: a browser sends cookies with cross-site requests, so a write that would be
 * authenticated by the cookie must come from one of our own pages (same-origin Origin header).
 * Only a Bearer credential skips the check: the viewer was resolved from it alone (any other
 * Authorization header resolves to no viewer, never to the cookie).
 */
export function assertSameOriginWrite(req: NextRequest): void {
  if (SAFE_METHODS.has(req.method) || bearerCredential(req.headers.get('authorization'))) return;
  if (!isSameOrigin(req.headers)) {
    throw new ApiError('forbidden', {
      id: 'Permintaan dengan cookie sesi harus berasal dari halaman Pantau sendiri (header Origin).',
      en: 'Requests authenticated by the session cookie must come from Pantau itself (Origin header).',
    });
  }
}

/**
 * Every answer of the wrapper depends on who asks (or carries a session token): no cache may
 * keep it — not a shared one, nor the browser's own disk on a shared phone. ETags still answer
 * a client that sends If-None-Match itself with a bodiless 304.
 */
function notStored(response: Response): Response {
  response.headers.set('Cache-Control', 'private, no-store');
  return response;
}

type RouteArgs = { params: Promise<Record<string, string | string[]>> };

/** Parses route and query parameters, runs the handler and maps every error to JSON without internals. */
function run<P extends z.ZodType, Q extends z.ZodType, V>(
  schemas: { params?: P; query?: Q },
  authenticate: (req: NextRequest) => Promise<V>,
  handler: (ctx: Omit<ApiContext<z.infer<P>, z.infer<Q>>, 'viewer' | 'data'> & { viewer: V; data: V extends Viewer ? Data : Data | null }) => Promise<unknown>,
) {
  return async (req: NextRequest, route: RouteArgs) => {
    // The language is worked out only when something reads it (an error, a handler that words
    // its answer): a cached body is the same in both languages and needs none.
    let localeOf: Locale | undefined;
    const locale = () => (localeOf ??= requestLocale(req));
    try {
      const viewer = await authenticate(req);
      const rawParams = route?.params ? await route.params : {};
      const params = schemas.params ? schemas.params.safeParse(rawParams) : { success: true as const, data: rawParams };
      if (!params.success) throw new ApiError('not_found');
      const rawQuery = Object.fromEntries(req.nextUrl.searchParams);
      if (schemas.query) assertNoNul(rawQuery, locale());
      const query = schemas.query ? schemas.query.safeParse(rawQuery) : { success: true as const, data: {} };
      if (!query.success) throw invalidInput(schemas.query!, rawQuery, locale());
      // Lazy: the database is resolved, and each function bound, only when the handler first uses one.
      const data = (viewer ? dataFor(viewer as unknown as Viewer, { ip: clientIp(req.headers) }) : null) as V extends Viewer ? Data : Data | null;
      const result = await handler({
        req,
        data,
        viewer,
        get locale() {
          return locale();
        },
        params: params.data as z.infer<P>,
        query: query.data as z.infer<Q>,
      });
      // A body with an ETag the client already holds (If-None-Match) goes back as a bodiless 304.
      return notStored(notModified(req, result instanceof Response ? result : NextResponse.json(result)));
    } catch (error) {
      const apiError =
        error instanceof ApiError ? error : isDatabaseDown(error) ? new ApiError('unavailable', undefined, undefined, 5) : new ApiError('internal');
      if (!(error instanceof ApiError)) console.error('api error', req.nextUrl.pathname, error);
      const headers = apiError.retryAfterSeconds ? { 'Retry-After': String(apiError.retryAfterSeconds) } : undefined;
      return notStored(NextResponse.json(errorBody(apiError, locale()), { status: apiError.status, headers }));
    }
  };
}

/**
 * Every /api/v1 handler goes through here: viewer (401 without one; session cookie, session
 * token or API token), the same-origin check for cookie-authenticated writes (403), zod-parsed
 * route and query parameters (400 with the failing fields), typed errors mapped to JSON, and no
 * stack trace or SQL ever in a response.
 */
export function apiRoute<P extends z.ZodType, Q extends z.ZodType>(
  schemas: { params?: P; query?: Q },
  handler: (ctx: ApiContext<z.infer<P>, z.infer<Q>>) => Promise<unknown>,
) {
  return run(
    schemas,
    async (req) => {
      const viewer = await getRequestViewer(req);
      if (!viewer) throw new ApiError('unauthorized');
      assertSameOriginWrite(req);
      return viewer;
    },
    handler,
  );
}

/**
 * For the few endpoints a signed-out client may call (signing in): the same parsing and error
 * mapping, the viewer if there is one, and the same-origin check for browser writes that carry
 * an Origin header (a login form on another site must not sign a visitor in).
 */
export function publicApiRoute<P extends z.ZodType, Q extends z.ZodType>(
  schemas: { params?: P; query?: Q },
  handler: (ctx: Omit<ApiContext<z.infer<P>, z.infer<Q>>, 'viewer' | 'data'> & { viewer: Viewer | null; data: Data | null }) => Promise<unknown>,
) {
  return run(
    schemas,
    async (req) => {
      if (req.headers.has('origin') && !SAFE_METHODS.has(req.method) && !isSameOrigin(req.headers)) throw new ApiError('forbidden');
      return getRequestViewer(req);
    },
    handler,
  );
}
