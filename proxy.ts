import { NextResponse, type NextRequest } from 'next/server';

// Convenience only: a page request with no session cookie at all goes straight to the sign-in
// page. It checks presence, not validity — enforcement is getViewer() and the scoped queries,
// so a page reached without this (or with a stale cookie) is still refused there.
// Kept free of app imports (the proxy is bundled on its own).
const SESSION_COOKIE = 'pantau.session_token';
const PATH_HEADER = 'x-pantau-path';

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (!request.cookies.has(SESSION_COOKIE)) {
    const url = request.nextUrl.clone();
    url.pathname = '/masuk';
    url.search = pathname === '/' ? '' : `?next=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }
  const headers = new Headers(request.headers);
  headers.set(PATH_HEADER, pathname + search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Pages only: not the API (it answers 401), the sign-in page, Next's assets or files.
  matcher: ['/((?!api/|masuk(?:/|$)|_next/|favicon\\.ico|.*\\.[a-z0-9]+$).*)'],
};
