import { createHash } from 'node:crypto';

/** A strong ETag: the hash of the exact body sent. */
export function etagOf(body: string | Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** True when If-None-Match names this ETag (weak or strong) or is `*`. */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === bare;
  });
}

/** Headers a 304 repeats from the 200 it stands for (RFC 9110 §15.4.5). */
const KEPT_ON_304 = ['etag', 'cache-control', 'vary', 'content-location', 'date', 'expires'];

/**
 * A 200 with an ETag the request's If-None-Match names becomes a bodiless 304 (the client
 * keeps its copy); any other response is returned as it is.
 */
export function notModified(req: Request, response: Response): Response {
  const etag = response.headers.get('etag');
  if (response.status !== 200 || !etag || !matchesIfNoneMatch(req.headers.get('if-none-match'), etag)) return response;
  const headers = new Headers();
  for (const name of KEPT_ON_304) {
    const value = response.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  void response.body?.cancel();
  return new Response(null, { status: 304, headers });
}
