import { NextResponse } from 'next/server';
import { ApiError } from '@/lib/api/errors';
import { invalidInput } from '@/lib/api/handler';
import { sessionCookieName, sessionCookieOptions, sessionTokenOf } from '@/lib/auth/cookie';
import { clientIp, isHttps } from '@/lib/auth/request-info';
import { signIn, signOut } from '@/lib/server/sign-in';
import { implement } from '@/lib/api/route';
import { sessionApi } from '@/lib/api/routes/session';
import { viewerJson } from '@/lib/api/session-json';
import { credentialsSchema } from '@/lib/api/session-schemas';

export const dynamic = 'force-dynamic';

const INVALID = { id: 'Nama pengguna atau kata sandi salah.', en: 'Wrong username or password.' };
const LOCKED = {
  id: 'Terlalu banyak percobaan gagal. Coba lagi nanti.',
  en: 'Too many failed attempts. Try again later.',
};

/** A demo account outside demo mode: what the operator must do (the demo password is published). */
const demoPasswordMessage = (username: string) => {
  const command = `npm run user -- password --username ${username.trim().toLowerCase().slice(0, 64)}`;
  return {
    id: `Akun demo ini masih memakai kata sandi demo yang diumumkan, dan Pantau tidak berjalan dalam mode demo. Operator: tetapkan kata sandi baru dengan \`${command}\`.`,
    en: `This demo account still has the published demo password, and Pantau is not running in demo mode. Operator: set a new password with \`${command}\`.`,
  };
};

/** GET /api/v1/session — who the request is authenticated as. */
const route = implement(sessionApi, '/api/v1/session', {
  GET: async ({ viewer }) => viewerJson(viewer),

  /**
   * POST /api/v1/session {username, password} — the same session the login form makes: sets
   * the cookie and returns the signed session token (also usable as `Authorization: Bearer`).
   */
  POST: async ({ req, locale }) => {
    if (Number(req.headers.get('content-length') ?? 0) > 8192) throw new ApiError('payload_too_large');
    const input: unknown = await req.json().catch(() => null);
    const body = credentialsSchema.safeParse(input);
    if (!body.success) throw invalidInput(credentialsSchema, input, locale, 'body');
    const result = await signIn({
      username: body.data.username,
      password: body.data.password,
      ip: clientIp(req.headers),
      userAgent: req.headers.get('user-agent'),
      via: 'api',
    });
    if (!result.ok) {
      if (result.reason === 'invalid') throw new ApiError('unauthorized', INVALID);
      if (result.reason === 'demo_password') throw new ApiError('forbidden', demoPasswordMessage(body.data.username));
      throw new ApiError('rate_limited', LOCKED, { reason: result.reason }, result.retryAfterSeconds);
    }
    const response = NextResponse.json({ token: result.token, expiresAt: result.expiresAt, user: result.user });
    const https = isHttps(req.headers);
    response.cookies.set(sessionCookieName(https), result.token, sessionCookieOptions(https));
    return response;
  },

  /** DELETE /api/v1/session — signs out the session of the cookie or Bearer session token. */
  DELETE: async ({ req }) => {
    const https = isHttps(req.headers);
    const token = sessionTokenOf(req.headers.get('authorization'), req.cookies.get(sessionCookieName(https))?.value);
    if (!token) {
      throw new ApiError('bad_request', {
        id: 'Token API tidak berakhir dengan keluar; admin mencabutnya.',
        en: 'An API token does not sign out; an admin revokes it.',
      });
    }
    await signOut(token, clientIp(req.headers));
    const response = new NextResponse(null, { status: 204 });
    response.cookies.set(sessionCookieName(https), '', { ...sessionCookieOptions(https), maxAge: 0 });
    return response;
  },
});
export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = route;
