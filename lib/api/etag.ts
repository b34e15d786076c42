import { createHash } from 'node:crypto';

/** A strong ETag: the hash of the exact body sent. */
export function etagOf(body: string): string {
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

/**
 * A per-user response with an ETag: `private, no-store` keeps it out of every cache (it depends
 * on the viewer's scope); a client that sends If-None-Match itself gets a bodiless 304 while the
 * body is unchanged.
 */
export function cachedResponse(req: Request, body: string, contentType: string, etag = etagOf(body)): Response {
  const headers = { ETag: etag, 'Cache-Control': 'private, no-store', Vary: 'Cookie, Authorization' };
  if (matchesIfNoneMatch(req.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': contentType } });
}
