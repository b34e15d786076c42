import { NextResponse, type NextRequest } from 'next/server';
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
// /api/ is not covered (a proxy on a path costs ~40 % of a trivial route's throughput): a method a
// route does not declare answers a JSON 405 from its route file (lib/api/route.ts), a path no
// route matches a JSON 404 from app/api/[...path]. Only an /api/ path holding a '%' comes here,
// so that one Next cannot percent-decode (`/areas/%`, which Next answers with a bare 500) gets a
// JSON 400.
const SESSION_COOKIES = ['pantau.session_token', '__Host-pantau.session_token'];
const PATH_HEADER = 'x-pantau-path';

/** Browsers keep to https for a year once they have seen this over https (ignored over http). */
const HSTS = 'max-age=31536000';

function apiError(request: NextRequest, status: 400 | 403) {
  const en = negotiateLocale(request.cookies.get(LOCALE_COOKIE)?.value, request.headers.get('accept-language')) === 'en';
  const message = {
    400: en ? 'The address holds a malformed %-escape (e.g. a lone %).' : 'Alamat berisi kode-% yang rusak (mis. tanda % tunggal).',
    403: en ? 'A form of Pantau can only be sent from Pantau itself (Origin header).' : 'Formulir Pantau hanya bisa dikirim dari Pantau sendiri (header Origin).',
  }[status];
  const code = { 400: 'bad_request', 403: 'forbidden' }[status];
  return NextResponse.json({ error: { code, message } }, { status });
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
  if (pathname.startsWith('/api/')) return decodable(pathname) ? NextResponse.next() : apiError(request, 400);
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
  // Pages (with the sign-in page; not Next's assets or files), and of the API only a path holding
  // a '%' (a malformed escape among them). Next also buffers the body of every request the proxy
  // sees and cuts it at 10 MB (experimental.proxyClientMaxBodySize): an upload never passes here.
  matcher: ['/((?!api/|_next/|favicon\\.ico|.*\\.[a-z0-9]+$).*)', '/api/:rest(.*%.*)'],
};
