import { NextResponse, type NextRequest } from 'next/server';
import { allowedMethods } from '@/lib/api/methods';
import { isHttps, isSameOrigin } from '@/lib/auth/request-info';
import { newNonce, pageCsp } from '@/lib/csp';
import { LOCALE_COOKIE, negotiateLocale } from '@/lib/i18n/config';

// Convenience only: a page request with no session cookie at all goes straight to the sign-in
// page. It checks presence, not validity — enforcement is getViewer() and the scoped queries,
// so a page reached without this (or with a stale cookie) is still refused there.
// Every page also gets its Content-Security-Policy here, with a fresh script nonce per request
// (Next reads it from the request's CSP header and puts it on its own scripts), HSTS over https,
// and a server action posted from another origin is refused with 403 before Next's own check
// (which answers 500).
// Kept free of app imports beyond four dependency-free modules (the proxy is bundled on its own).
// For /api/ it only turns what Next would answer without JSON into JSON errors: a method the
// route does not export (405, with Allow) and a path no route matches (404).
const SESSION_COOKIES = ['pantau.session_token', '__Host-pantau.session_token'];
const PATH_HEADER = 'x-pantau-path';

/** Browsers keep to https for a year once they have seen this over https (ignored over http). */
const HSTS = 'max-age=31536000';

function apiError(request: NextRequest, status: 400 | 403 | 404 | 405, allow?: string[]) {
  const en = negotiateLocale(request.cookies.get(LOCALE_COOKIE)?.value, request.headers.get('accept-language')) === 'en';
  const method = request.method;
  const message = {
    400: en ? 'The address holds a malformed %-escape (e.g. a lone %).' : 'Alamat berisi kode-% yang rusak (mis. tanda % tunggal).',
    403: en ? 'A form of Pantau can only be sent from Pantau itself (Origin header).' : 'Formulir Pantau hanya bisa dikirim dari Pantau sendiri (header Origin).',
    404: en ? 'No API endpoint at this address.' : 'Tidak ada endpoint API di alamat ini.',
    405: en ? `Method ${method} is not allowed here; use ${allow?.join(', ')}.` : `Metode ${method} tidak diizinkan di sini; gunakan ${allow?.join(', ')}.`,
  }[status];
  const code = { 400: 'bad_request', 403: 'forbidden', 404: 'not_found', 405: 'method_not_allowed' }[status];
  return NextResponse.json({ error: { code, message } }, { status, headers: allow ? { Allow: allow.join(', ') } : undefined });
}

/** Next answers a route parameter it cannot percent-decode (`/areas/%`) with a bare 500. */
function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export function proxy(request: NextRequest) {
  const response = route(request);
  if (isHttps(request.headers)) response.headers.set('Strict-Transport-Security', HSTS);
  return response;
}

function route(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith('/api/')) {
    if (!decodable(pathname)) return apiError(request, 400);
    const allow = allowedMethods(pathname);
    if (!allow) return apiError(request, 404);
    return allow.includes(request.method) ? NextResponse.next() : apiError(request, 405, allow);
  }
  // A server action from another origin: Next would refuse it too, but as a 500. No Origin at
  // all (very old browsers) is left to Next, which lets it through as before.
  if (request.method === 'POST' && request.headers.has('next-action') && request.headers.has('origin') && !isSameOrigin(request.headers)) {
    return apiError(request, 403);
  }
  const signInPage = pathname === '/masuk' || pathname.startsWith('/masuk/');
  if (!signInPage && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const url = request.nextUrl.clone();
    url.pathname = '/masuk';
    url.search = pathname === '/' ? '' : `?next=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }
  const csp = pageCsp(newNonce());
  const headers = new Headers(request.headers);
  headers.set(PATH_HEADER, pathname + search);
  headers.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  // Pages (with the sign-in page; not Next's assets or files), and the API for its 404/405 in JSON —
  // except an upload: Next buffers the body of every request the proxy sees and cuts it at
  // 10 MB (experimental.proxyClientMaxBodySize), which would truncate a 20 MB file and take away
  // its streaming. So multipart requests to /api/v1/imports never pass through here.
  matcher: [
    '/((?!api/|_next/|favicon\\.ico|.*\\.[a-z0-9]+$).*)',
    '/api/((?!v1/imports/?$).*)',
    { source: '/api/v1/imports', missing: [{ type: 'header', key: 'content-type', value: 'multipart/form-data.*' }] },
  ],
};
