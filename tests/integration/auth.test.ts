import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Auth } from '@/lib/auth/better-auth';
import { resolveViewer } from '@/lib/auth/resolve-viewer';
import { signIn, signOut } from '@/lib/auth/session';
import { LOGIN_LIMITS } from '@/lib/auth/throttle';
import { issueApiToken, revokeApiToken } from '@/lib/auth/tokens';
import { createUser, resetUserPassword, setUserAccess, setUserDisabled } from '@/lib/auth/users';
import { queryRows, type Database } from '@/lib/db/client';
import { seedDemo } from '@/lib/demo/seed';
import { areaScope } from '@/lib/domain/scope';
import { listAuditLog } from '@/lib/queries/audit';
import { getUser, listUsers } from '@/lib/queries/users';
import { DEMO_PASSWORD } from '@/lib/auth/demo-users';
import { cookieOf, login, testAuth } from './auth-fixtures';
import { databaseTargets } from './support';

const admin6471 = { username: 'admin', ip: '198.51.100.7' };

describe.each(databaseTargets())('accounts and sessions on $name', (target) => {
  let database: Database;
  let auth: Auth;
  const db = () => database.db;
  const viewerOf = (token: string, how: 'cookie' | 'bearer' = 'cookie') =>
    resolveViewer(db(), auth, how === 'cookie' ? { cookie: cookieOf(token), authorization: null } : { cookie: null, authorization: `Bearer ${token}` });
  const signedIn = async (username: string, password?: string, ip?: string) => {
    const result = await login(db(), auth, username, password, ip);
    if (!result.ok) throw new Error(`${username} could not sign in: ${result.reason}`);
    return result;
  };

  beforeAll(async () => {
    database = await target.open();
    await seedDemo(database.db, { seed: 2022, scale: 2 });
    auth = testAuth(database.db);
  });
  afterAll(() => database?.close());

  it('seeds one demo login per role and root, all sharing one argon2id hash', async () => {
    const rows = await queryRows<{ kode_kota: string; role: string; n: number }>(
      db(),
      sql`select kode_kota, role, count(*)::int n from auth_user where demo group by 1, 2 order by 1, 2`,
    );
    const of6471 = Object.fromEntries(rows.filter((r) => r.kode_kota === '6471').map((r) => [r.role, r.n]));
    expect(of6471).toEqual({ admin: 1, pimpinan: 1, camat: 6, lurah: 34, pml: 221, ppl: 883 });
    const [hashes] = await queryRows<{ n: number; sample: string }>(db(), sql`select count(distinct password)::int n, min(password) sample from auth_account`);
    expect(hashes.n).toBe(1);
    expect(hashes.sample).toMatch(/^\$argon2id\$/);
    const named = await queryRows<{ username: string; area_code: string | null }>(
      db(),
      sql`select username, area_code from auth_user where username in ('camat-balikpapan-utara', 'lurah-manggar-baru', 'lurah-manggar-baru-2', 'admin-9901') order by 1`,
    );
    expect(named).toEqual([
      { username: 'admin-9901', area_code: '9901' },
      { username: 'camat-balikpapan-utara', area_code: '6471030' },
      { username: 'lurah-manggar-baru', area_code: '6471020002' },
      { username: 'lurah-manggar-baru-2', area_code: '9901020002' },
    ]);
  });

  it('signs a lurah in to exactly their kelurahan, by cookie and by Bearer session token', async () => {
    const session = await signedIn('LURAH-Manggar-Baru ');
    expect(session.user).toMatchObject({ username: 'lurah-manggar-baru', role: 'lurah', areaCode: '6471020002' });
    const expected = { username: 'lurah-manggar-baru', role: 'lurah', scope: areaScope('6471020002'), homeArea: '6471020002', officerCode: null };
    expect(await viewerOf(session.token)).toEqual(expected);
    expect(await viewerOf(session.token, 'bearer')).toEqual(expected);
    expect(await viewerOf(session.token.slice(0, -3) + 'xyz')).toBeNull();
    expect(await viewerOf('pnt_not-a-token', 'bearer')).toBeNull();
  });

  it('gives PML a team scope and PPL an officer scope', async () => {
    const [pml] = await queryRows<{ username: string; officer_code: string }>(db(), sql`select username, officer_code from auth_user where role = 'pml' and kode_kota = '6471' order by 1 limit 1`);
    const viewer = await viewerOf((await signedIn(pml.username)).token);
    expect(viewer).toMatchObject({ role: 'pml', homeArea: null, officerCode: pml.officer_code, scope: { kind: 'team', kodeKota: '6471', officerCode: pml.officer_code } });
    const ppl = await viewerOf((await signedIn('ppl-647110001')).token);
    expect(ppl?.scope).toEqual({ kind: 'officer', kodeKota: '6471', officerCode: '647110001' });
  });

  it('ends sessions at sign-out and at expiry', async () => {
    const a = await signedIn('pimpinan');
    expect(await signOut(db(), auth, a.token, null)).toBe(true);
    expect(await viewerOf(a.token)).toBeNull();
    const b = await signedIn('pimpinan');
    await db().execute(sql`update auth_session set expires_at = now() - interval '1 second' where token = ${b.token.split('.')[0]}`);
    expect(await viewerOf(b.token)).toBeNull();
  });

  it('locks a username after repeated failures, even for the right password, and only that username', async () => {
    const ip = '203.0.113.50';
    for (let i = 0; i < LOGIN_LIMITS.lockAfter; i++) expect(await login(db(), auth, 'lurah-damai', 'wrong-password', ip)).toEqual({ ok: false, reason: 'invalid' });
    const locked = await login(db(), auth, 'lurah-damai', undefined, ip);
    expect(locked).toMatchObject({ ok: false, reason: 'locked' });
    expect(locked.ok === false && locked.retryAfterSeconds).toBeGreaterThan(LOGIN_LIMITS.windowSeconds - 60);
    expect((await login(db(), auth, 'lurah-damai', undefined, '203.0.113.51')).ok).toBe(false);
    expect((await login(db(), auth, 'lurah-prapatan', undefined, ip)).ok).toBe(true);
    // Failures age out of the window: moved back in time, they no longer lock.
    await db().execute(sql`update audit_log set at = at - interval '16 minutes' where actor = 'lurah-damai'`);
    expect((await login(db(), auth, 'lurah-damai', undefined, ip)).ok).toBe(true);
  });

  it('verifies at most lockAfter guesses however many arrive at once, then locks even the right password', async () => {
    const ip = '203.0.113.55';
    const guesses = await Promise.all(Array.from({ length: 32 }, (_, i) => login(db(), auth, 'lurah-sepinggan', `wrong-password-${i}`, ip)));
    const reasons = guesses.map((g) => (g.ok ? 'ok' : g.reason));
    expect(reasons.filter((r) => r === 'invalid')).toHaveLength(LOGIN_LIMITS.lockAfter);
    expect(reasons.filter((r) => r === 'locked')).toHaveLength(32 - LOGIN_LIMITS.lockAfter);
    expect(await login(db(), auth, 'lurah-sepinggan', DEMO_PASSWORD, ip)).toMatchObject({ ok: false, reason: 'locked' });
    const [counted] = await queryRows<{ invalid: number; locked: number }>(
      db(),
      sql`select count(*) filter (where detail->>'reason' = 'invalid')::int invalid, count(*) filter (where detail->>'reason' = 'locked')::int locked
        from audit_log where actor = 'lurah-sepinggan' and action = 'login.failure'`,
    );
    expect(counted).toEqual({ invalid: LOGIN_LIMITS.lockAfter, locked: 32 - LOGIN_LIMITS.lockAfter + 1 });
  });

  it('refuses demo accounts outside demo mode until an operator sets a password', async () => {
    const outsideDemo = (username: string, password: string) => signIn(db(), auth, { username, password, ip: '203.0.113.57', userAgent: 'vitest', via: 'api', demoMode: false });
    expect(await outsideDemo('camat-balikpapan-barat', DEMO_PASSWORD)).toEqual({ ok: false, reason: 'demo_password' });
    expect(await outsideDemo('admin', DEMO_PASSWORD)).toEqual({ ok: false, reason: 'demo_password' });
    expect((await login(db(), auth, 'camat-balikpapan-barat')).ok).toBe(true);
    expect((await resetUserPassword(db(), areaScope('6471'), admin6471, 'camat-balikpapan-barat', 'operator-set-password-1')).ok).toBe(true);
    const [row] = await queryRows<{ demo: boolean }>(db(), sql`select demo from auth_user where username = 'camat-balikpapan-barat'`);
    expect(row.demo).toBe(false);
    expect(await outsideDemo('camat-balikpapan-barat', DEMO_PASSWORD)).toEqual({ ok: false, reason: 'invalid' });
    expect((await outsideDemo('camat-balikpapan-barat', 'operator-set-password-1')).ok).toBe(true);
  });

  it('resets the failure count at a successful sign-in', async () => {
    const ip = '203.0.113.60';
    for (let i = 0; i < LOGIN_LIMITS.lockAfter - 1; i++) await login(db(), auth, 'lurah-teritip', 'wrong-password', ip);
    expect((await login(db(), auth, 'lurah-teritip', undefined, ip)).ok).toBe(true);
    for (let i = 0; i < LOGIN_LIMITS.lockAfter - 1; i++) await login(db(), auth, 'lurah-teritip', 'wrong-password', ip);
    expect((await login(db(), auth, 'lurah-teritip', undefined, ip)).ok).toBe(true);
  });

  it('limits failures per IP across usernames', async () => {
    const ip = '203.0.113.70';
    for (let i = 0; i < LOGIN_LIMITS.ipLimit; i++) await login(db(), auth, `nobody-${i}`, 'wrong-password', ip);
    expect(await login(db(), auth, 'lurah-lamaru', undefined, ip)).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect((await login(db(), auth, 'lurah-lamaru', undefined, '203.0.113.71')).ok).toBe(true);
  });

  it('records sign-ins and failures in the audit log of the user’s kab/kota', async () => {
    await login(db(), auth, 'camat-balikpapan-kota', 'wrong-password', '203.0.113.80');
    await signedIn('camat-balikpapan-kota', undefined, '203.0.113.80');
    const { rows } = await listAuditLog(db(), areaScope('6471'), { action: 'login', q: 'camat-balikpapan-kota', page: 1, pageSize: 10 });
    expect(rows.map((r) => [r.action, r.ip, r.detail.reason ?? null])).toEqual([
      ['login.success', '203.0.113.80', null],
      ['login.failure', '203.0.113.80', 'invalid'],
    ]);
    const foreign = await listAuditLog(db(), areaScope('9901'), { q: 'camat-balikpapan-kota', page: 1, pageSize: 10 });
    expect(foreign.total).toBe(0);
  });

  it('creates accounts only with a root of the right kind inside the admin’s kab/kota', async () => {
    const scope = areaScope('6471');
    const base = { username: 'lurah-baru', name: 'Lurah Baru', password: 'a-long-password-1' };
    expect(await createUser(db(), scope, admin6471, { ...base, role: 'lurah', root: '6471020' })).toEqual({ ok: false, error: 'root_not_found' });
    expect(await createUser(db(), scope, admin6471, { ...base, role: 'lurah', root: '9901020002' })).toEqual({ ok: false, error: 'root_not_found' });
    expect(await createUser(db(), scope, admin6471, { ...base, role: 'ppl', root: '647120001' })).toEqual({ ok: false, error: 'root_not_found' });
    expect(await createUser(db(), scope, admin6471, { ...base, role: 'lurah', root: '6471020002' })).toEqual({ ok: true });
    expect(await createUser(db(), scope, admin6471, { ...base, role: 'lurah', root: '6471020001' })).toEqual({ ok: false, error: 'username_taken' });
    const viewer = await viewerOf((await signedIn('lurah-baru', 'a-long-password-1')).token);
    expect(viewer?.scope).toEqual(areaScope('6471020002'));
    const { rows } = await listAuditLog(db(), scope, { action: 'user', page: 1, pageSize: 5 });
    expect(rows[0]).toMatchObject({ actor: 'admin', action: 'user.create', target: 'lurah-baru', ip: '198.51.100.7' });
  });

  it('applies a changed role at once, and ends sessions on disable and password reset', async () => {
    const scope = areaScope('6471');
    const session = await signedIn('lurah-baru', 'a-long-password-1');
    expect((await setUserAccess(db(), scope, admin6471, 'lurah-baru', { role: 'camat', root: '6471020' })).ok).toBe(true);
    expect((await viewerOf(session.token))?.scope).toEqual(areaScope('6471020'));
    expect(await setUserAccess(db(), scope, admin6471, 'admin', { role: 'lurah', root: '6471020002' })).toEqual({ ok: false, error: 'self' });
    expect((await setUserDisabled(db(), scope, admin6471, 'lurah-baru', true)).ok).toBe(true);
    expect(await viewerOf(session.token)).toBeNull();
    expect(await login(db(), auth, 'lurah-baru', 'a-long-password-1')).toEqual({ ok: false, reason: 'invalid' });
    await setUserDisabled(db(), scope, admin6471, 'lurah-baru', false);
    const again = await signedIn('lurah-baru', 'a-long-password-1');
    expect((await resetUserPassword(db(), scope, admin6471, 'lurah-baru', 'another-password-2')).ok).toBe(true);
    expect(await viewerOf(again.token)).toBeNull();
    expect((await login(db(), auth, 'lurah-baru', 'a-long-password-1')).ok).toBe(false);
    expect((await login(db(), auth, 'lurah-baru', 'another-password-2')).ok).toBe(true);
  });

  it('ends the API tokens of an account at a password reset, not those of others', async () => {
    const scope = areaScope('6471');
    const own = await issueApiToken(db(), scope, admin6471, { username: 'lurah-gunung-bahagia', name: 'sync', expiresOn: null });
    const other = await issueApiToken(db(), scope, admin6471, { username: 'lurah-sepinggan-baru', name: 'sync', expiresOn: null });
    expect((await viewerOf(own!.token, 'bearer'))?.username).toBe('lurah-gunung-bahagia');
    expect((await resetUserPassword(db(), scope, admin6471, 'lurah-gunung-bahagia', 'a-fresh-password-3')).ok).toBe(true);
    expect(await viewerOf(own!.token, 'bearer')).toBeNull();
    expect((await viewerOf(other!.token, 'bearer'))?.username).toBe('lurah-sepinggan-baru');
    const { rows } = await listAuditLog(db(), scope, { action: 'user', q: 'lurah-gunung-bahagia', page: 1, pageSize: 1 });
    expect(rows[0]).toMatchObject({ action: 'user.password_reset', detail: { tokensRevoked: 1 } });
  });

  it('authenticates a request with an Authorization header by that header alone, never by the cookie beside it', async () => {
    const { token } = await signedIn('lurah-telaga-sari');
    expect((await viewerOf(token))?.username).toBe('lurah-telaga-sari');
    for (const authorization of ['Basic dXNlcjpwYXNz', 'Bearer', 'Digest x', '']) {
      expect(await resolveViewer(db(), auth, { cookie: cookieOf(token), authorization }), authorization).toBeNull();
    }
  });

  it('reads only the __Host- session cookie over https, and only the plain one over http', async () => {
    const { token } = await signedIn('lurah-klandasan-ulu');
    const hostCookie = `__Host-${cookieOf(token)}`;
    expect((await resolveViewer(db(), auth, { cookie: hostCookie, authorization: null, https: true }))?.username).toBe('lurah-klandasan-ulu');
    expect(await resolveViewer(db(), auth, { cookie: cookieOf(token), authorization: null, https: true })).toBeNull();
    expect(await resolveViewer(db(), auth, { cookie: hostCookie, authorization: null, https: false })).toBeNull();
  });

  it('keeps every account of another kab/kota out of an admin’s reach', async () => {
    const scope = areaScope('6471');
    expect(await getUser(db(), scope, 'lurah-manggar-baru-2')).toBeNull();
    expect((await getUser(db(), areaScope('9901'), 'lurah-manggar-baru-2'))?.areaCode).toBe('9901020002');
    const { rows, total } = await listUsers(db(), scope, { q: 'manggar', page: 1, pageSize: 100 });
    expect(total).toBeGreaterThan(0);
    expect(rows.every((u) => u.kodeKota === '6471')).toBe(true);
    expect(await setUserDisabled(db(), scope, admin6471, 'admin-9901', true)).toEqual({ ok: false, error: 'not_found' });
    expect(await resetUserPassword(db(), scope, admin6471, 'admin-9901', 'x'.repeat(12))).toEqual({ ok: false, error: 'not_found' });
    expect(await issueApiToken(db(), scope, admin6471, { username: 'pimpinan-9901', name: 'x', expiresOn: null })).toBeNull();
  });

  it('issues API tokens that act with their user’s scope, stores only a hash, and revokes them', async () => {
    const scope = areaScope('6471');
    const issued = await issueApiToken(db(), scope, admin6471, { username: 'lurah-manggar-baru', name: 'sync', expiresOn: null });
    expect(issued?.token).toMatch(/^pnt_[A-Za-z0-9_-]{43}$/);
    const [stored] = await queryRows<{ token_hash: string; last_used_at: string | null }>(db(), sql`select token_hash, last_used_at from api_token where id = ${issued!.id}`);
    expect(stored.token_hash).not.toContain(issued!.token.slice(4));
    expect(stored.last_used_at).toBeNull();
    expect((await viewerOf(issued!.token, 'bearer'))?.scope).toEqual(areaScope('6471020002'));
    const [used] = await queryRows<{ last_used_at: string | null }>(db(), sql`select last_used_at from api_token where id = ${issued!.id}`);
    expect(used.last_used_at).not.toBeNull();
    expect(await revokeApiToken(db(), areaScope('9901'), { username: 'admin-9901', ip: null }, issued!.id)).toBe(false);
    expect(await revokeApiToken(db(), scope, admin6471, issued!.id)).toBe(true);
    expect(await viewerOf(issued!.token, 'bearer')).toBeNull();
    const expired = await issueApiToken(db(), scope, admin6471, { username: 'pimpinan', name: 'old', expiresOn: '2022-11-01' });
    expect(await viewerOf(expired!.token, 'bearer')).toBeNull();
    const dated = await issueApiToken(db(), scope, admin6471, { username: 'pimpinan', name: 'dated', expiresOn: '2099-12-31' });
    expect((await viewerOf(dated!.token, 'bearer'))?.role).toBe('pimpinan');
    const [ends] = await queryRows<{ local: string }>(db(), sql`select (expires_at at time zone 'Asia/Makassar')::text as local from api_token where id = ${dated!.id}`);
    expect(ends.local).toBe('2100-01-01 00:00:00');
  });
});
