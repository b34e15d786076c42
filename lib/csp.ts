// The Content-Security-Policy of pages, built per request by proxy.ts. Dependency-free: the
// proxy is bundled on its own.

/**
 * Scripts only from this origin, or inline with this request's nonce (no 'unsafe-inline':
 * Next puts the nonce on its own inline and bundle scripts); styles keep 'unsafe-inline' (chart
 * and map libraries set style attributes). Map tiles are off by default: a deployment that
 * enables them adds the tile host to img-src. No upgrade-insecure-requests: the demo is served
 * over plain http on a local network.
 */
export function pageCsp(nonce: string, dev = process.env.NODE_ENV === 'development'): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // The phone form's service worker (/sw.js) and its manifest, named so a future
    // 'strict-dynamic' (which ignores 'self') cannot block them.
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** 128 random bits, base64: unguessable, fresh for every page request. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
