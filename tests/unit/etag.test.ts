import { describe, expect, it } from 'vitest';
import { jsonResponse, prepare } from '@/lib/api/body-cache';
import { etagOf, matchesIfNoneMatch, notModified } from '@/lib/api/etag';

describe('ETag responses', () => {
  const body = JSON.stringify({ type: 'FeatureCollection', features: [] });

  it('hashes the body: the same body the same tag, another body another', () => {
    expect(etagOf(body)).toBe(etagOf(body));
    expect(etagOf(body)).not.toBe(etagOf(body + ' '));
    expect(etagOf(body)).toMatch(/^"[\w-]{32}"$/);
  });

  it('matches a listed, weak or wildcard If-None-Match', () => {
    const tag = etagOf(body);
    expect(matchesIfNoneMatch(`"x", ${tag}`, tag)).toBe(true);
    expect(matchesIfNoneMatch(`W/${tag}`, tag)).toBe(true);
    expect(matchesIfNoneMatch('*', tag)).toBe(true);
    expect(matchesIfNoneMatch('"other"', tag)).toBe(false);
    expect(matchesIfNoneMatch(null, tag)).toBe(false);
  });

  it('answers 200 with the body, then 304 without one (as the route wrapper does with a prepared body)', async () => {
    const answer = (req: Request) => notModified(req, jsonResponse(prepare(JSON.parse(body)), 'application/geo+json'));
    const first = answer(new Request('http://x/'));
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe(etagOf(body));
    expect(first.headers.get('vary')).toBe('Cookie, Authorization');
    expect(first.headers.get('content-type')).toBe('application/geo+json');
    expect(await first.text()).toBe(body);
    const again = answer(new Request('http://x/', { headers: { 'If-None-Match': first.headers.get('etag')! } }));
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(again.headers.get('vary')).toBe('Cookie, Authorization');
  });
});
