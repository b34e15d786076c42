import { betterAuth } from 'better-auth/minimal';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { username } from 'better-auth/plugins';
import type { Db } from '@/lib/db/client';
import { authAccount, authSession, authUser, authVerification } from '@/lib/db/schema/auth';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, hashPassword, verifyPassword } from './password';
import { USERNAME_PATTERN } from './username';

export const SESSION_COOKIE_PREFIX = 'pantau';
/** The cookie better-auth reads the signed session token from. */
export const SESSION_COOKIE = `${SESSION_COOKIE_PREFIX}.session_token`;
/** Sessions end a week after sign-in; they are not extended, so the cookie and the row expire together. */
export const SESSION_SECONDS = 7 * 24 * 3600;

/**
 * better-auth on our drizzle instance, used as a library: no HTTP handler is mounted (no
 * sign-up, no e-mail flows). Pantau calls auth.api.signInUsername / getSession / signOut
 * from its own routes and actions, which set the cookie themselves so that it is Secure
 * exactly when the request came over https (better-auth decides that once per instance).
 */
export function createAuth(db: Db, opts: { secret: string; baseURL: string }) {
  return betterAuth({
    appName: 'Pantau',
    baseURL: opts.baseURL,
    secret: opts.secret,
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: { user: authUser, session: authSession, account: authAccount, verification: authVerification },
    }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      password: { hash: hashPassword, verify: verifyPassword },
    },
    user: {
      additionalFields: {
        role: { type: 'string', required: true, input: false },
        kodeKota: { type: 'string', required: true, input: false },
        areaCode: { type: 'string', required: false, input: false },
        officerCode: { type: 'string', required: false, input: false },
        disabled: { type: 'boolean', required: false, defaultValue: false, input: false },
        demo: { type: 'boolean', required: false, defaultValue: false, input: false },
      },
    },
    session: { expiresIn: SESSION_SECONDS, disableSessionRefresh: true },
    // Login throttling is Pantau's own (per username and per IP, with lockout, in the audit log).
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: SESSION_COOKIE_PREFIX,
      useSecureCookies: false,
    },
    plugins: [username({ minUsernameLength: 3, maxUsernameLength: 64, usernameValidator: (u) => USERNAME_PATTERN.test(u) })],
    telemetry: { enabled: false },
    // Failed sign-ins go to the audit log; better-auth's own warnings would only repeat them.
    logger: { level: 'error' },
  });
}

export type Auth = ReturnType<typeof createAuth>;
