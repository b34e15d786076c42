import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sessionCookieName, sessionTokenOf } from '@/lib/auth/cookie';
import { demoAccounts } from '@/lib/auth/demo-users';
import { clientIp, isHttps, isSameOrigin, safeNextPath } from '@/lib/auth/request-info';
import { USERNAME_PATTERN, slugify } from '@/lib/auth/username';
import { generatePassword } from '@/lib/auth/users';
import { generateDemo } from '@/lib/demo/generate';

const h = (entries: Record<string, string>) => new Headers(entries);

describe('request info', () => {
  it('takes the client IP from the last X-Forwarded-For hop, only behind a trusted proxy', () => {
    const proxied = { PANTAU_TRUSTED_PROXY: '1' };
    expect(clientIp(h({ 'x-forwarded-for': '10.0.0.1, 203.0.113.9' }), proxied)).toBe('203.0.113.9');
    expect(clientIp(h({ 'x-forwarded-for': ' 203.0.113.9 ' }), proxied)).toBe('203.0.113.9');
    expect(clientIp(h({ 'x-real-ip': '203.0.113.8' }), proxied)).toBeNull();
    expect(clientIp(h({}), proxied)).toBeNull();
    // No proxy: the header is the client's own word (Next passes it through), so no address.
    for (const off of [{}, { PANTAU_TRUSTED_PROXY: '' }, { PANTAU_TRUSTED_PROXY: '0' }, { PANTAU_TRUSTED_PROXY: 'false' }]) {
      expect(clientIp(h({ 'x-forwarded-for': '203.0.113.9' }), off)).toBeNull();
      expect(clientIp(h({ 'x-forwarded-for': '10.0.0.1, 203.0.113.9' }), off)).toBeNull();
    }
  });

  it('reads the client IP in one place: no other module looks at X-Forwarded-For or X-Real-IP', () => {
    const readers: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.tsx?$/.test(entry.name) && /headers\.get\(\s*['"]x-(forwarded-for|real-ip)['"]/i.test(readFileSync(full, 'utf8'))) readers.push(full);
      }
    };
    for (const dir of ['app', 'lib', 'components']) walk(path.resolve(dir));
    expect(readers.map((f) => path.relative(process.cwd(), f))).toEqual([path.join('lib', 'auth', 'request-info.ts')]);
  });

  it('knows https from the public URL, or from the forwarded protocol of a trusted proxy only', () => {
    const proxied = { PANTAU_TRUSTED_PROXY: '1' };
    expect(isHttps(h({ 'x-forwarded-proto': 'https' }), proxied)).toBe(true);
    expect(isHttps(h({ 'x-forwarded-proto': 'http' }), proxied)).toBe(false);
    expect(isHttps(h({ 'x-forwarded-proto': 'https' }), {})).toBe(false);
    expect(isHttps(h({}), { PANTAU_URL: 'https://pantau.example.id' })).toBe(true);
    expect(isHttps(h({ 'x-forwarded-proto': 'https' }), { PANTAU_URL: 'http://localhost:3000' })).toBe(false);
  });

  it('accepts only an Origin naming the very host; X-Forwarded-Host only from a trusted proxy', () => {
    const forwarded = h({ host: 'pantau.test', 'x-forwarded-host': 'pantau.example.id', origin: 'https://pantau.example.id' });
    expect(isSameOrigin(forwarded, { PANTAU_TRUSTED_PROXY: '1' })).toBe(true);
    expect(isSameOrigin(forwarded, {})).toBe(false);
    expect(isSameOrigin(h({ host: 'pantau.test', 'x-forwarded-host': 'evil.test', origin: 'https://evil.test' }), {})).toBe(false);
    expect(isSameOrigin(h({ host: 'pantau.test', origin: 'https://pantau.test' }))).toBe(true);
    expect(isSameOrigin(h({ host: 'pantau.test', origin: 'https://evil.test' }))).toBe(false);
    expect(isSameOrigin(h({ host: 'pantau.test', origin: 'https://pantau.test.evil.test' }))).toBe(false);
    expect(isSameOrigin(h({ host: 'pantau.test', origin: 'null' }))).toBe(false);
    expect(isSameOrigin(h({ host: 'pantau.test' }))).toBe(false);
  });

  it('returns after sign-in only to local paths', () => {
    expect(safeNextPath('/wilayah/6471?asOf=2022-11-01')).toBe('/wilayah/6471?asOf=2022-11-01');
    expect(safeNextPath('/petugas?q=Sepinggan%20Baru#top')).toBe('/petugas?q=Sepinggan%20Baru#top');
    // A lone % after ? or # stays on the origin (the path decodes; a query or fragment need not).
    expect(safeNextPath('/#%')).toBe('/#%');
    expect(safeNextPath('/cari?q=é')).toBe('/cari?q=%C3%A9');
    const bad = ['https://evil.test', '//evil.test', '/\\evil.test', 'wilayah', '/masuk', '/masuk?next=/', '/api/v1/session', 42, null];
    // As /masuk?next=… arrives after one round of decoding: /%09/evil.example is "/\t/evil.example".
    bad.push('/\t/evil.example', '/%09/evil.example', '/\n', '/%0a', '/%0d/x', '/\r\nSet-Cookie: a=b', '/%2F/evil.test', '/%5Cevil.test', '/ /evil.test', '/\u00a0/evil', '/\u2028', '/%', '/%E2%80%A8/x');
    for (const value of bad) expect(safeNextPath(value), JSON.stringify(value)).toBeNull();
  });

  it('never lets any next value leave the origin or break a Location header', () => {
    const origin = 'https://pantau.example.id';
    const pieces = fc.constantFrom('/', '//', '\\', '%2f', '%5c', '%09', '%0a', '%0d', '\t', '\n', '\r', ' ', '\u0000', '\u00a0', 'é', '漢', '\ud800', '.', '..', ':', '@', '?', '#', 'evil.example', 'http:', 'masuk', 'api');
    const candidates = fc.oneof(fc.string(), fc.array(pieces, { maxLength: 8 }).map((p) => p.join('')), fc.array(pieces, { maxLength: 8 }).map((p) => '/' + p.join('')));
    fc.assert(
      fc.property(candidates, (value) => {
        const next = safeNextPath(value);
        if (next === null) return;
        expect(next).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
        expect(new URL(next, origin).origin).toBe(origin);
        // A browser that decodes once reads the path (the part before ? or #) decoded; the query
        // and fragment may hold a lone % ('/#%'), which stays on the origin but does not decode.
        const pathPart = next.split(/[?#]/)[0];
        expect(new URL(decodeURIComponent(pathPart), origin).origin).toBe(origin);
        expect(() => new Headers({ location: next })).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });

  it('names the session cookie __Host- over https only', () => {
    expect(sessionCookieName(true)).toBe('__Host-pantau.session_token');
    expect(sessionCookieName(false)).toBe('pantau.session_token');
  });

  it('tells a session token from an API token', () => {
    expect(sessionTokenOf('Bearer abc.def', undefined)).toBe('abc.def');
    expect(sessionTokenOf('Bearer pnt_xyz', 'cookie-value')).toBeNull();
    expect(sessionTokenOf(null, 'cookie-value')).toBe('cookie-value');
  });
});

describe('demo logins', () => {
  const data = generateDemo({ seed: 2022, scale: 2, referenceDir: path.resolve('data/reference') });
  const accounts = demoAccounts(data);

  it('names one login per role and root after the published pattern', () => {
    const names = new Set(accounts.map((a) => a.username));
    for (const name of ['admin', 'pimpinan', 'admin-9901', 'camat-balikpapan-utara', 'lurah-manggar-baru', 'lurah-manggar-baru-2', 'ppl-647110001', 'pml-647120001']) {
      expect(names.has(name), name).toBe(true);
    }
    expect(names.size).toBe(accounts.length);
    expect(accounts.every((a) => USERNAME_PATTERN.test(a.username))).toBe(true);
    const officers = data.officers.filter((o) => o.role !== 'koseka').length;
    expect(accounts.length).toBe(2 * 2 + data.areas.filter((a) => a.level === 'kecamatan' || a.level === 'kelurahan').length + officers);
  });

  it('slugs area names the way people type them', () => {
    expect(slugify('Balikpapan Utara')).toBe('balikpapan-utara');
    expect(slugify('  Gunung Samarinda Baru 2 ')).toBe('gunung-samarinda-baru-2');
    expect(slugify('Sungai Nangka/Ilir')).toBe('sungai-nangka-ilir');
  });

  it('generates reset passwords of 16 unambiguous characters', () => {
    const passwords = Array.from({ length: 50 }, generatePassword);
    expect(new Set(passwords).size).toBe(50);
    for (const p of passwords) expect(p).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{16}$/);
  });
});
