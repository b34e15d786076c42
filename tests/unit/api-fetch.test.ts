import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, errorBody } from '@/lib/api/errors';
import { jsonResponse, prepare } from '@/lib/api/body-cache';
import { notModified } from '@/lib/api/etag';
import { negotiateLocale } from '@/lib/i18n/config';
import { apiFetch, ApiRequestError, forgetApiBodies } from '@/lib/client/api-fetch';

/**
 * A stand-in for the API in front of the real fetch: it answers the way the route handlers do —
 * bodies as the API wrapper sends them (lib/api/body-cache.ts's prepared body with its ETag,
 * `private, no-store`, 304 on a match by lib/api/etag.ts's notModified),
 * errors as lib/api/errors.ts's JSON in the Accept-Language it is sent — and records every request.
 */
function fakeApi() {
  const bodies = new Map<string, unknown>();
  const seen: Request[] = [];
  const statuses: number[] = [];
  const answer = async (input: RequestInfo | URL, init?: RequestInit) => {
    const res = await handler(input, init);
    statuses.push(res.status);
    return res;
  };
  const handler = async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(new URL(String(input), 'http://pantau.test'), init);
    seen.push(req);
    const path = new URL(req.url).pathname + new URL(req.url).search;
    const locale = negotiateLocale(undefined, req.headers.get('accept-language'));
    if (path.startsWith('/broken')) return new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' });
    if (req.method === 'POST') return Response.json({ echo: await req.json() }, { status: 201 });
    if (!bodies.has(path)) {
      const error = path.startsWith('/api/v1/areas/')
        ? new ApiError('bad_request', { id: 'Parameter tidak valid — asOf: tanggal berformat YYYY-MM-DD.', en: 'Invalid parameter — asOf: date as YYYY-MM-DD.' }, [{ field: 'asOf' }])
        : new ApiError('not_found');
      return Response.json(errorBody(error, locale), { status: error.status });
    }
    const response = notModified(req, jsonResponse(prepare(bodies.get(path))));
    response.headers.set('Cache-Control', 'private, no-store');
    return response;
  };
  return { bodies, seen, statuses, handler: answer };
}

describe('apiFetch', () => {
  let api: ReturnType<typeof fakeApi>;
  beforeEach(() => {
    forgetApiBodies();
    api = fakeApi();
    vi.stubGlobal('fetch', vi.fn(api.handler));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("throws the API's own error: status, code, message in the asked language and details", async () => {
    const error = await apiFetch('/api/v1/areas/6471?asOf=kemarin', { locale: 'id' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 400, code: 'bad_request', message: 'Parameter tidak valid — asOf: tanggal berformat YYYY-MM-DD.', details: [{ field: 'asOf' }] });
    await expect(apiFetch('/api/v1/nothing', { locale: 'en' })).rejects.toMatchObject({ status: 404, code: 'not_found', message: 'Not found.' });
  });

  it('keeps the HTTP status when the answer is not the API’s JSON, and lets a network failure through as is', async () => {
    await expect(apiFetch('/broken')).rejects.toMatchObject({ status: 502, code: 'internal', message: 'Bad Gateway' });
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const error = await apiFetch('/api/v1/changes').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(error).not.toBeInstanceOf(ApiRequestError);
  });

  it('asks in the page’s language (<html lang>) unless told, and in none when there is no page', async () => {
    api.bodies.set('/api/v1/search?q=manggar', { results: [] });
    await apiFetch('/api/v1/search?q=manggar');
    expect(api.seen[0].headers.get('accept-language')).toBeNull();
    vi.stubGlobal('document', { documentElement: { lang: 'en' } });
    await apiFetch('/api/v1/search?q=manggar');
    expect(api.seen[1].headers.get('accept-language')).toBe('en');
    await apiFetch('/api/v1/search?q=manggar', { locale: 'id' });
    expect(api.seen[2].headers.get('accept-language')).toBe('id');
    expect(api.seen.every((r) => r.headers.get('accept') === 'application/json' && r.credentials === 'same-origin' && r.cache === 'no-store')).toBe(true);
  });

  it('revalidates with the remembered ETag: an unchanged body comes back from a bodiless 304', async () => {
    const url = '/api/v1/areas/6471?asOf=2022-10-20';
    api.bodies.set(url, { code: '6471', selesai: 1200 });
    const first = await apiFetch<{ selesai: number }>(url, { locale: 'id' });
    expect(first).toEqual({ code: '6471', selesai: 1200 });
    expect(api.seen[0].headers.get('if-none-match')).toBeNull();

    const again = await apiFetch<{ selesai: number }>(url, { locale: 'id' });
    const tag = api.seen[1].headers.get('if-none-match');
    expect(tag).toMatch(/^"[\w-]{32}"$/);
    expect(again).toBe(first);

    // A write moved the figures: the old tag no longer matches, the new body replaces the remembered one.
    api.bodies.set(url, { code: '6471', selesai: 1203 });
    expect(await apiFetch(url, { locale: 'id' })).toEqual({ code: '6471', selesai: 1203 });
    expect(api.seen[2].headers.get('if-none-match')).toBe(tag);
    await apiFetch(url, { locale: 'id' });
    expect(api.seen[3].headers.get('if-none-match')).not.toBe(tag);
    expect(api.seen[3].headers.get('if-none-match')).not.toBeNull();
    // The fake answered the repeats with 304 and no body: the figures came from memory.
    expect(api.statuses).toEqual([200, 304, 200, 304]);
  });

  it('remembers per language, never for writes, and forgets on request', async () => {
    const url = '/api/v1/imports?page=1&pageSize=10';
    api.bodies.set(url, { items: [], total: 0 });
    await apiFetch(url, { locale: 'id' });
    await apiFetch(url, { locale: 'en' });
    expect(api.seen[1].headers.get('if-none-match')).toBeNull();
    await apiFetch(url, { locale: 'en' });
    expect(api.seen[2].headers.get('if-none-match')).not.toBeNull();

    const written = await apiFetch('/api/v1/followups', { method: 'POST', json: { kodeSls: '64710200020001', visited: 2 } });
    expect(written).toEqual({ echo: { kodeSls: '64710200020001', visited: 2 } });
    expect(api.seen[3].headers.get('content-type')).toBe('application/json');
    expect(api.seen[3].headers.get('if-none-match')).toBeNull();

    forgetApiBodies();
    await apiFetch(url, { locale: 'en' });
    expect(api.seen[4].headers.get('if-none-match')).toBeNull();
  });
});
