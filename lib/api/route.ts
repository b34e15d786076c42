// A route file implements its declarations of the route manifest (lib/api/routes) here:
//   export const { GET, HEAD, POST, PUT, PATCH, DELETE } = implement(areasApi, '/api/v1/areas/{code}', { GET: async (ctx) => … });
// Each declared method runs through apiRoute (viewer, same-origin writes, parsed parameters, JSON
// errors) with the declaration's permission (404 for anyone else) and as-of rule applied once;
// every method the route does not declare answers a JSON 405 with Allow — without the proxy.
import { NextResponse, type NextRequest } from 'next/server';
import type { z } from 'zod';
import { isHttps } from '@/lib/auth/request-info';
import type { Campaign } from '@/lib/queries/campaign';
import type { Data } from '@/lib/server/data';
import type { Viewer } from '@/lib/server/viewer';
import { assertInWindow, requireCampaign } from './area-bodies';
import { ApiError, errorBody } from './errors';
import { apiRoute, publicApiRoute, requestLocale, type ApiContext } from './handler';
import { HTTP_METHODS, type ApiEndpoint, type ApiFeature, type HttpMethod } from './routes/define';

type Inferred<E, K extends 'params' | 'query'> = E extends { [k in K]: infer S extends z.ZodType } ? z.infer<S> : Record<string, never>;
type AsOfContext<E> = E extends { asOf: 'asOf' }
  ? { campaign: Campaign; asOf: string }
  : E extends { asOf: 'range' }
    ? { campaign: Campaign; from: string; to: string }
    : unknown;

/** What a handler of endpoint E receives: apiRoute's context and what its as-of rule resolved. */
export type RouteContext<E extends ApiEndpoint> = ApiContext<Inferred<E, 'params'>, Inferred<E, 'query'>> & AsOfContext<E>;

type Handler<E extends ApiEndpoint> = E extends { auth: 'none' }
  ? (req: NextRequest) => Response | Promise<Response>
  : E extends { auth: 'optional' }
    ? (ctx: Omit<RouteContext<E>, 'viewer' | 'data'> & { viewer: Viewer | null; data: Data | null }) => Promise<unknown>
    : (ctx: RouteContext<E>) => Promise<unknown>;

type Handlers<E extends ApiEndpoint> = { [M in E['method'] as Uppercase<M>]: Handler<Extract<E, { method: M }>> };

type RouteArgs = { params: Promise<Record<string, string | string[]>> };
type RouteHandler = (req: NextRequest, route: RouteArgs) => Promise<Response>;

/** HSTS over https, as proxy.ts sends with every page (the proxy no longer sees /api/). */
const HSTS = 'max-age=31536000';

function withHsts(handler: RouteHandler): RouteHandler {
  return async (req, route) => {
    const response = await handler(req, route);
    if (isHttps(req.headers)) response.headers.set('Strict-Transport-Security', HSTS);
    return response;
  };
}

/** The methods a path answers: the declared ones, HEAD with GET, and OPTIONS (both answered by Next). */
export function allowOf(declared: readonly string[]): string[] {
  return declared.includes('GET') ? [...declared, 'HEAD', 'OPTIONS'] : [...declared, 'OPTIONS'];
}

/** A JSON 405 naming the method and what to use instead, in the request's language. */
export function methodNotAllowed(allow: readonly string[]) {
  return async (req: NextRequest): Promise<Response> => {
    const m = req.method;
    const error = new ApiError('method_not_allowed', {
      id: `Metode ${m} tidak diizinkan di sini; gunakan ${allow.join(', ')}.`,
      en: `Method ${m} is not allowed here; use ${allow.join(', ')}.`,
    });
    return NextResponse.json(errorBody(error, requestLocale(req)), { status: 405, headers: { Allow: allow.join(', '), 'Cache-Control': 'private, no-store' } });
  };
}

/** A JSON 404 for a path no route matches (app/api/[...path]/route.ts). */
export async function apiNotFound(req: NextRequest): Promise<Response> {
  const error = new ApiError('not_found', { id: 'Tidak ada endpoint API di alamat ini.', en: 'No API endpoint at this address.' });
  const response = NextResponse.json(errorBody(error, requestLocale(req)), { status: 404, headers: { 'Cache-Control': 'private, no-store' } });
  if (isHttps(req.headers)) response.headers.set('Strict-Transport-Security', HSTS);
  return response;
}

/** The as-of rule of a declaration: the campaign, and the date(s) resolved and checked against its window. */
async function asOfFor(e: ApiEndpoint, ctx: ApiContext<unknown, Record<string, string | undefined>>): Promise<object> {
  if (!e.asOf) return {};
  const campaign = await requireCampaign(ctx.data);
  if (e.asOf === 'asOf') {
    const asOf = ctx.query.asOf ?? campaign.defaultAsOf;
    assertInWindow(campaign, asOf, 'asOf');
    return { campaign, asOf };
  }
  const from = ctx.query.from ?? campaign.startDate;
  const to = ctx.query.to ?? campaign.defaultAsOf;
  assertInWindow(campaign, from, 'from');
  assertInWindow(campaign, to, 'to');
  if (from > to) {
    throw new ApiError('bad_request', { id: 'from tidak boleh setelah to.', en: 'from must not be after to.' }, [{ field: 'from', reason: 'after to' }]);
  }
  return { campaign, from, to };
}

function wrap(e: ApiEndpoint, handler: (ctx: never) => unknown): RouteHandler {
  const schemas = { params: e.params, query: e.query };
  if (e.auth === 'none') return async (req) => (handler as unknown as (r: NextRequest) => Response | Promise<Response>)(req);
  if (e.auth === 'optional') return publicApiRoute(schemas, (ctx) => (handler as (c: typeof ctx) => Promise<unknown>)(ctx));
  return apiRoute(schemas, async (ctx) => {
    if (e.permission && !e.permission(ctx.viewer)) throw new ApiError('not_found');
    const resolved = await asOfFor(e, ctx as ApiContext<unknown, Record<string, string | undefined>>);
    return (handler as (c: typeof ctx) => Promise<unknown>)({ ...ctx, ...resolved });
  });
}

/**
 * The exports of the route file of `path`: one handler per method its declarations name (a
 * declared method without a handler, or a handler without a declaration, fails at load), and a
 * JSON 405 for every other method.
 */
export function implement<F extends ApiFeature, P extends F['endpoints'][number]['path']>(
  feature: F,
  path: P,
  handlers: NoInfer<Handlers<Extract<F["endpoints"][number], { path: P }>>>,
): Record<HttpMethod | 'OPTIONS', RouteHandler> & { HEAD: RouteHandler | undefined } {
  const declared = feature.endpoints.filter((e) => e.path === path);
  const given = handlers as Partial<Record<HttpMethod, (ctx: never) => unknown>>;
  const names = declared.map((e) => e.method.toUpperCase() as HttpMethod);
  const extra = Object.keys(given).filter((m) => !names.includes(m as HttpMethod));
  const missing = names.filter((m) => !given[m]);
  if (extra.length || missing.length) throw new Error(`route ${path}: handlers ${extra.join(',')} undeclared, ${missing.join(',')} missing`);
  const refuse = withHsts(methodNotAllowed(allowOf(names)));
  const out = Object.fromEntries(HTTP_METHODS.map((m) => [m, refuse])) as unknown as Record<HttpMethod | 'OPTIONS', RouteHandler> & { HEAD: RouteHandler | undefined };
  for (const e of declared) out[e.method.toUpperCase() as HttpMethod] = withHsts(wrap(e, given[e.method.toUpperCase() as HttpMethod]!));
  // HEAD comes with GET (Next answers it from GET); a route without GET refuses it too.
  out.HEAD = names.includes('GET') ? undefined : refuse;
  // Next's own OPTIONS would list every exported method, the refusing ones too.
  const allow = allowOf(names).join(', ');
  out.OPTIONS = async () => new Response(null, { status: 204, headers: { Allow: allow } });
  return out;
}
